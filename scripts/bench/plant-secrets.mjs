// Where the benchmark corpus hides its fake secrets: one commit each, at a fixed point of the
// timeline, placed as a scanner meets them in real repositories (added then removed on a
// branch, in a commit message, still on main, on an unmerged branch, in a dangling commit).
// Each plant records the SHA-256 of its values (never the values) so the benchmark can check
// that the scan reports it.
import { fakeAwsKeyPair, fakeGithubToken, fakePrivateKey, sha256 } from './fake-secrets.mjs';

/** The branch the builder deletes after packing, leaving its commit dangling. */
export const DANGLING_BRANCH = 'refs/heads/wip/hotfix';

const awsFile = (pair) =>
  `module.exports = {\n  region: 'eu-west-1',\n  accessKeyId: '${pair.keyId}',\n  secretAccessKey: '${pair.secret}',\n};\n`;
const deployFile = (name) => `packages/${name}/.deploy/aws-config.js`;

/**
 * The plants, in the order they are written. `at` is the fraction of the timeline (which version
 * step); `phase` is `before` or `after` that version's commits on its package branch, or `main`
 * after its merge. `ref` is `package` (the version's branch), main, or a branch of its own
 * started from main. The functions take the step `{ name, version }`.
 */
export function plantSecrets(random) {
  const aws = fakeAwsKeyPair(random);
  const awsDangling = fakeAwsKeyPair(random);
  const token = fakeGithubToken(random);
  const botToken = fakeGithubToken(random);
  const key = fakePrivateKey(random);
  return [
    {
      at: 0.25, phase: 'before', ref: 'package', author: (s) => s.name,
      message: (s) => `${s.name}: add deploy settings\n`,
      files: (s) => ({ [deployFile(s.name)]: awsFile(aws) }),
      record: (s) => ({ id: 'aws-key-pair-removed', where: `${deployFile(s.name)} on pkg/${s.name}, removed a few commits later`, sha256: [sha256(aws.keyId), sha256(aws.secret)] }),
    },
    {
      at: 0.45, phase: 'before', ref: 'package', author: (s) => s.version,
      message: (s) => `${s.name}: trigger release workflow\n\nUsed token ${token} for the manual run, revoke afterwards.\n`,
      record: (s) => ({ id: 'github-token-commit-message', where: `commit message on pkg/${s.name}`, sha256: [sha256(token)] }),
    },
    {
      at: 0.25, phase: 'after', ref: 'package', author: (s) => s.name,
      message: (s) => `${s.name}: drop deploy settings\n`,
      deletes: (s) => [deployFile(s.name)],
    },
    {
      at: 0.55, phase: 'main', ref: 'refs/heads/main', author: () => 'deploy',
      message: () => 'Add deploy key for the mirror job\n',
      files: () => ({ 'deploy/id_rsa': key }),
      // Scanners differ on whether the block's final newline belongs to the match.
      record: () => ({ id: 'private-key-on-main', where: 'deploy/id_rsa on main', sha256: [sha256(key), sha256(key.trimEnd())] }),
    },
    {
      at: 0.7, phase: 'main', ref: 'refs/heads/feature/release-bot', author: () => 'bot',
      message: () => 'WIP: release bot settings\n',
      files: () => ({ '.github/release.env': `GITHUB_TOKEN=${botToken}\nDRY_RUN=1\n` }),
      record: () => ({ id: 'github-token-feature-branch', where: '.github/release.env on feature/release-bot (never merged)', sha256: [sha256(botToken)] }),
    },
    {
      at: 0.85, phase: 'main', ref: DANGLING_BRANCH, author: () => 'hotfix',
      message: () => 'Hotfix: point uploads at the new bucket\n',
      files: () => ({ 'config/aws.js': awsFile(awsDangling) }),
      record: () => ({ id: 'aws-key-pair-dangling', where: 'config/aws.js in a dangling commit (branch wip/hotfix deleted)', sha256: [sha256(awsDangling.keyId), sha256(awsDangling.secret)] }),
    },
  ];
}
