// The opt-in large scan benchmark corpus (`npm run bench -- --large`), for peak memory on a
// history the size of a big real project's: tens of thousands of commits, well over a hundred
// thousand blobs and several GB of blob bytes. Built by the same builder as the other corpora
// (build-scan-corpus.mjs) from pinned published releases: the first and last release of every
// TypeScript minor version (a hundred files, most of them multi-MB bundles rewritten by each
// release, so the bytes pile up as in a repository that commits its build output) and every
// release of date-fns and rxjs (thousands of small modules each, so the objects pile up).
// Never committed: it is built into bench-data/ or the folder given with --large-dir.

const versions = (text) => text.trim().split(/\s+/);

// Pinned in commit order (semver order within each package).
const PACKAGES = {
  typescript: versions(`
    2.0.0 2.0.10 2.1.1 2.1.6 2.2.0 2.2.2 2.3.0 2.3.4 2.4.0 2.4.2 2.5.0 2.5.3 2.6.1 2.6.2 2.7.1
    2.7.2 2.8.1 2.8.4 2.9.1 2.9.2 3.0.1 3.0.3 3.1.1 3.1.8 3.2.1 3.2.4 3.3.1 3.3.3 3.4.1 3.4.5
    3.5.1 3.5.3 3.6.2 3.6.5 3.7.2 3.7.7 3.8.2 3.8.3 3.9.2 3.9.10 4.0.2 4.0.8 4.1.2 4.1.6 4.2.2
    4.2.4 4.3.2 4.3.5 4.4.2 4.4.4 4.5.2 4.5.5 4.6.2 4.6.4 4.7.2 4.7.4 4.8.2 4.8.4 4.9.3 4.9.5
    5.0.2 5.0.4 5.1.3 5.1.6 5.2.2 5.3.2 5.3.3 5.4.2 5.4.5 5.5.2 5.5.4 5.6.2 5.6.3 5.7.2 5.7.3
    5.8.2 5.8.3 5.9.2 5.9.3 6.0.2 6.0.3
  `),
  'date-fns': versions(`
    1.0.0 1.1.0 1.1.1 1.3.0 1.4.0 1.5.0 1.5.2 1.6.0 1.8.0 1.8.1 1.9.0 1.10.0 1.11.1 1.11.2
    1.12.0 1.12.1 1.13.0 1.14.0 1.14.1 1.15.0 1.15.1 1.16.0 1.17.0 1.18.0 1.19.0 1.20.0 1.20.1
    1.21.0 1.21.1 1.22.0 1.23.0 1.24.0 1.25.0 1.26.0 1.27.0 1.27.1 1.27.2 1.28.0 1.28.1 1.28.2
    1.28.3 1.28.4 1.28.5 1.29.0 1.30.1 2.0.0 2.0.1 2.1.0 2.2.1 2.3.0 2.4.0 2.4.1 2.5.0 2.5.1
    2.6.0 2.7.0 2.8.0 2.8.1 2.9.0 2.10.0 2.11.0 2.11.1 2.12.0 2.13.0 2.14.0 2.15.0 2.16.0
    2.16.1 2.17.0 2.18.0 2.19.0 2.20.0 2.20.1 2.20.2 2.20.3 2.21.0 2.21.1 2.21.2 2.21.3 2.22.0
    2.22.1 2.23.0 2.24.0 2.25.0 2.26.0 2.27.0 2.28.0 2.29.0 2.29.1 2.29.2 2.29.3 2.30.0 3.0.0
    3.0.1 3.0.2 3.0.3 3.0.4 3.0.5 3.0.6 3.1.0 3.2.0 3.3.0 3.3.1 3.4.0 3.5.0 3.6.0 4.0.0 4.1.0
    4.2.0 4.2.1 4.3.0 4.4.0
  `),
  rxjs: versions(`
    5.0.0 5.0.1 5.0.2 5.0.3 5.1.0 5.1.1 5.2.0 5.3.0 5.3.1 5.3.3 5.4.0 5.4.1 5.4.2 5.4.3 5.5.0
    5.5.1 5.5.2 5.5.3 5.5.4 5.5.5 5.5.6 5.5.7 5.5.8 5.5.9 5.5.10 5.5.11 5.5.12 6.0.0 6.1.0
    6.2.0 6.2.1 6.2.2 6.3.0 6.3.1 6.3.2 6.3.3 6.4.0 6.5.0 6.5.1 6.5.2 6.5.3 6.5.4 6.5.5 6.6.0
    6.6.1 6.6.2 6.6.3 6.6.4 6.6.6 6.6.7 7.0.0 7.0.1 7.1.0 7.2.0 7.3.0 7.3.1 7.4.0 7.5.0 7.5.1
    7.5.2 7.5.3 7.5.4 7.5.5 7.5.6 7.5.7 7.6.0 7.7.0 7.8.0 7.8.1 7.8.2
  `),
};

/** ~45k commits over every pinned version; several GB of blobs. */
export const LARGE_SPEC = {
  id: 'large',
  repoName: 'scan-repo-large.git',
  targetCommits: 45_000,
  seed: 'leakwatch-scan-bench-large-1',
  packages: PACKAGES,
  // Repacked without -f: git keeps the deltas fast-import found instead of searching again for
  // each of several GB of blobs, which on two cores takes longer than the rest of the build.
  repack: ['-a', '-d', '-q'],
};
