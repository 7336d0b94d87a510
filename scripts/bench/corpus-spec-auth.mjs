// The second scan benchmark corpus, shaped like the history of a service's own code rather than
// a big library: successive published releases of authentication, session, database and SSH
// clients, cut into many commits of a few small files. Their code is dense in the words the
// generic rules key on (`key`, `token`, `secret`, `password`, `auth`), so keyword hits and
// candidate regions are far more frequent than in the first corpus. Built by the same builder
// (build-scan-corpus.mjs) from pinned versions, byte-for-byte reproducible like the first.

const versions = (text) => text.trim().split(/\s+/);

// Pinned in commit order (semver order within each package): the most recent releases of each.
const PACKAGES = {
  jsonwebtoken: versions(`
    7.1.9 7.1.10 7.2.0 7.2.1 7.3.0 7.4.0 7.4.1 7.4.2 7.4.3 8.0.0 8.0.1 8.1.0 8.1.1 8.2.0 8.2.1
    8.2.2 8.3.0 8.4.0 8.5.0 8.5.1 9.0.0 9.0.1 9.0.2 9.0.3
  `),
  passport: versions(`
    0.1.0 0.1.1 0.1.3 0.1.5 0.1.6 0.1.7 0.1.8 0.1.9 0.1.10 0.1.11 0.1.12 0.1.15 0.1.16 0.1.17
    0.1.18 0.2.0 0.2.1 0.2.2 0.3.0 0.3.1 0.3.2 0.4.0 0.4.1 0.5.0 0.5.1 0.5.2 0.5.3 0.6.0 0.7.0
  `),
  oauth: versions(`
    0.8.3 0.8.4 0.9.0 0.9.1 0.9.2 0.9.3 0.9.5 0.9.6 0.9.7 0.9.8 0.9.9 0.9.10 0.9.11 0.9.12
    0.9.13 0.9.14 0.9.15 0.10.0 0.10.2
  `),
  'express-session': versions(`
    1.10.0 1.10.1 1.10.2 1.10.3 1.10.4 1.11.0 1.11.1 1.11.2 1.11.3 1.12.0 1.12.1 1.13.0 1.14.0
    1.14.1 1.14.2 1.15.0 1.15.1 1.15.2 1.15.3 1.15.4 1.15.5 1.15.6 1.16.0 1.16.1 1.16.2 1.17.0
    1.17.1 1.17.2 1.17.3 1.18.0 1.18.1 1.18.2 1.19.0
  `),
  pg: versions(`
    8.7.1 8.7.3 8.8.0 8.9.0 8.10.0 8.11.0 8.11.1 8.11.2 8.11.3 8.11.4 8.11.5 8.11.6 8.12.0 8.13.0
    8.13.1 8.13.2 8.13.3 8.14.0 8.14.1 8.15.0 8.15.1 8.15.2 8.15.5 8.15.6 8.16.0 8.16.1 8.16.2
    8.16.3 8.17.0 8.17.1 8.17.2 8.18.0 8.19.0 8.20.0 8.21.0 8.22.0 8.23.0 8.23.1
  `),
  ioredis: versions(`
    5.0.0 5.0.1 5.0.2 5.0.3 5.0.4 5.0.5 5.0.6 5.1.0 5.2.0 5.2.1 5.2.2 5.2.3 5.2.4 5.2.5 5.2.6
    5.3.0 5.3.1 5.3.2 5.4.0 5.4.1 5.4.2 5.5.0 5.6.0 5.6.1 5.7.0 5.8.0 5.8.1 5.8.2 5.9.0 5.9.1
    5.9.2 5.9.3 5.10.0 5.10.1 5.11.0 5.11.1 6.0.0 6.1.0
  `),
  ssh2: versions(`
    0.8.2 0.8.3 0.8.4 0.8.5 0.8.6 0.8.7 0.8.8 0.8.9 1.0.0 1.1.0 1.2.0 1.3.0 1.4.0 1.5.0 1.6.0
    1.7.0 1.8.0 1.9.0 1.10.0 1.11.0 1.12.0 1.13.0 1.14.0 1.15.0 1.16.0 1.17.0
  `),
  'openid-client': versions(`
    5.6.2 5.6.3 5.6.4 5.6.5 5.7.0 5.7.1 6.1.1 6.1.3 6.1.4 6.1.5 6.1.6 6.1.7 6.2.0 6.3.0 6.3.1
    6.3.3 6.3.4 6.4.1 6.4.2 6.5.0 6.5.1 6.5.3 6.6.1 6.6.2 6.6.3 6.6.4 6.7.0 6.7.1 6.8.0 6.8.1
  `),
  'node-forge': versions(`
    0.8.5 0.9.0 0.9.1 0.9.2 0.10.0 1.0.0 1.1.0 1.2.0 1.2.1 1.3.0 1.3.1 1.3.2 1.3.3 1.4.0
  `),
  mysql2: versions(`
    3.17.0 3.17.1 3.17.2 3.17.3 3.17.4 3.17.5 3.18.0 3.18.1 3.18.2 3.19.0 3.19.1 3.20.0 3.21.0
    3.21.1 3.22.0 3.22.1 3.22.2 3.22.3
  `),
};

/** ~4k commits of a few files each over the pinned releases. */
export const AUTH_SPEC = {
  id: 'auth',
  repoName: 'scan-repo-auth.git',
  targetCommits: 4_000,
  seed: 'leakwatch-scan-bench-auth-1',
  packages: PACKAGES,
};
