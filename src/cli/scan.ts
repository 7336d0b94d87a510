/** `leakwatch scan <target>`: scan a repository's whole history, a directory, or a clone URL. */
import { Command, Option } from 'commander';
import { resolve } from 'node:path';
import { CONFIDENCE_LEVELS } from '../domain/confidence.js';
import { DEFAULT_MAX_BLOB_BYTES, runScan } from '../scan/run-scan.js';
import { DEFAULT_MAX_ARCHIVE_BYTES } from '../scan/s3/archive-limits.js';
import { isS3Target } from '../scan/s3/parse-s3-target.js';
import { collect, parsePositiveInt, parseWorkers } from './parse-options.js';
import { FORMATS, printScanReport } from './print-scan-report.js';
import { DEFAULT_STATE_DIR, scanVariables } from './scan-flags.js';
import type { ScanFlags } from './scan-flags.js';
import { createProgressLine } from './progress-line.js';

export function createScanCommand(): Command {
  return new Command('scan')
    .description('Scan a git repository\'s whole history (every blob once, dangling objects included), a plain directory, an S3 location (objects and archive members), or a clone URL for secrets.')
    .argument(
      '<target>',
      'what to scan: a local repository (bare or with a work tree), a plain directory, an S3 location (s3://BUCKET[/PREFIX]), or a clone URL: '
        + 'https://, http://, ssh:// or user@host:path, git://, file://, codecommit://[profile@]repo, '
        + 'codecommit::REGION://[profile@]repo, or https://git-codecommit.REGION.amazonaws.com/v1/repos/REPO',
    )
    .addOption(new Option('-f, --format <format>', 'output format (default: text on a terminal, else json)').choices(FORMATS))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(
      new Option('--min-confidence <level>', 'report only findings at this confidence or above (default: medium in text, low, i.e. all, in json and sarif)').choices(
        CONFIDENCE_LEVELS,
      ),
    )
    .option('--baseline <file>', 'report only findings that are not in this baseline (a previous JSON report)')
    .option('--write-baseline <file>', 'write the findings of this scan as a baseline file')
    .option('--since <rev>', 'only what commits after this revision introduced (no incremental state)')
    .option('--rules <dir>', 'add or override detector rules from a directory of YAML files (repeatable)', collect, [])
    .option('--max-blob-bytes <n>', 'skip (and count) blobs larger than this', parsePositiveInt('--max-blob-bytes'), DEFAULT_MAX_BLOB_BYTES)
    .option('--max-archive-bytes <n>', 's3:// targets: stop (and report) an object whose archives expand past this many bytes', parsePositiveInt('--max-archive-bytes'), DEFAULT_MAX_ARCHIVE_BYTES)
    .option('--state <dir>', 'incremental state and mirror folder', DEFAULT_STATE_DIR)
    .option('--no-state', 'scan everything and remember nothing')
    .option('--ignore-file <file>', 'ignore rules (default: .leakwatchignore of the target)')
    .option('--internal-domain <domain>', 'an internal domain for the environment-intelligence rules (repeatable)', collect, [])
    .option('--org-domain <domain>', "the organisation's e-mail domain (repeatable)", collect, [])
    .option('--internal-cidr <prefix>', 'an internal address prefix such as 10.20. (repeatable)', collect, [])
    .addOption(new Option('--workers <n>', 'worker threads, at most two per core (default: one per core)').argParser(parseWorkers))
    .option('--no-progress', 'no progress line on stderr')
    .option('--allow-incomplete', 'accept a shallow or partial clone, or one with missing objects: report what is there (exit 0/1) instead of exit 2')
    .option('--verify', 'check whether each found AWS key or GitHub token is still live, using it once (see below)')
    .option('--config <file>', 'with --verify: configuration for response.awsRegion, response.canaryAccounts, github.apiUrl (default: $LEAKWATCH_CONFIG, else built-in defaults)')
    .addHelpText(
      'after',
      `
Exit codes: 0 no findings, 1 findings, 2 usage or runtime error, or an incomplete repository
(shallow, partial clone, missing objects) or S3 location (objects or archive members too
large, damaged, or past --max-archive-bytes) without --allow-incomplete. Only the findings reported
count: those at --min-confidence or above.

Confidence: high for provider-specific shapes (prefix, checksum, pairing), medium for a literal
assigned to a credential name, low where the value or its place (tests, fixtures, examples,
docs) says it is probably not live. The text report says how many it left out;
--write-baseline records every finding, whatever --min-confidence.

--verify calls third parties with the leaked credential itself, once per distinct secret and
read-only: an AWS key pair with sts:GetCallerIdentity, after looking up the key's account with
sts:GetAccessKeyInfo using your own AWS credentials (default provider chain; keys of
response.canaryAccounts are never used); a GitHub token with GET /user (github.apiUrl,
LEAKWATCH_GITHUB_API_URL). The secret is re-read in memory from the repository and never printed
or stored. Findings get "verified": true (live), false (rejected) or null (not checked: no
verifier, not re-readable, or an error); nothing is remembered between runs.

Examples:
  leakwatch scan .                              # this repository, text on a terminal
  leakwatch scan /srv/git/app.git -f json -o findings.json
  leakwatch scan https://git.example.com/team/app.git -f sarif -o leakwatch.sarif
  leakwatch scan . --write-baseline .leakwatch-baseline.json
  leakwatch scan . --baseline .leakwatch-baseline.json   # CI: fail only on new findings
  leakwatch scan ./build-output                 # a plain directory, files as they are
  leakwatch scan s3://code-backups/releases/    # objects and archive members (zip, tar, tar.gz)
  leakwatch scan . --verify                     # and check which found credentials still work
  leakwatch scan . --min-confidence low         # also what tests, examples and docs hold`,
    )
    .action(async (target: string, flags: ScanFlags) => {
      const progress = createProgressLine(flags.progress && process.stderr.isTTY === true);
      // The baseline module (and its schema library) loads only when a baseline is used.
      const baselines = flags.baseline || flags.writeBaseline ? await import('../scan/read-baseline.js') : null;
      const baseline = flags.baseline ? baselines!.readBaseline(flags.baseline) : undefined;
      // The AWS SDK and Octokit load only for --verify.
      const verifier = flags.verify ? (await import('./scan-verifier.js')).createScanVerifier({ configPath: flags.config }) : undefined;
      if (verifier) process.stderr.write(`leakwatch: ${verifier.notice}\n`);
      // The AWS SDK loads only for an s3:// target.
      const s3Source = isS3Target(target) ? (await import('../aws/s3/create-s3-object-source.js')).createS3ObjectSource : undefined;
      // The store modules (SQLite, and the PostgreSQL ones beside it) load only with a state
      // folder, and only when the scan opens it (a rerun answered from its cached report does not).
      const loadOpenStore = flags.state === false ? undefined : async () => (await import('../store/open-store.js')).openScanStore;
      const report = await runScan({
        target,
        ...(s3Source === undefined ? {} : { s3Source: () => s3Source() }),
        stateDir: flags.state === false ? null : resolve(flags.state),
        ...(loadOpenStore === undefined ? {} : { loadOpenStore }),
        rulesDirs: flags.rules,
        variables: scanVariables(flags),
        maxBlobBytes: flags.maxBlobBytes,
        maxArchiveBytes: flags.maxArchiveBytes,
        workers: flags.workers,
        since: flags.since,
        baseline,
        ignoreFile: flags.ignoreFile,
        onProgress: (p) => progress.update(p),
        onMirror: (url) => progress.note(`mirroring ${url} ...`),
        verify: verifier?.verify,
        onVerifyProgress: (done, total) => progress.note(`verifying credentials: ${done}/${total}`),
        onLockWait: (message) => process.stderr.write(`leakwatch: ${message}\n`),
      }).finally(() => {
        progress.done();
        verifier?.close();
      });
      if (flags.writeBaseline) baselines!.writeBaseline(flags.writeBaseline, report.findings);
      printScanReport(report, flags);
    });
}
