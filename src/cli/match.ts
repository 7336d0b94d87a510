/**
 * `leakwatch match`: "is this ours?". Indexes the default-branch files of the repositories
 * given with --repo (else uses the index the daemon keeps in its state database, see
 * match-index.ts), then matches each candidate file (or every file under a candidate
 * directory, or every file behind a candidate URL) against them, printing text or JSON.
 * Exit 1 when anything matched, 0 when not, 2 on bad input or when a URL could not be read
 * (the matches of the other candidates are still printed).
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { isLeakwatchError, LeakwatchError } from '../errors.js';
import { redactUrlsIn } from '../git/redact-url.js';
import { ignoreReasonForText } from '../fingerprint/is-ignorable-text.js';
import { DEFAULT_SCORE_OPTIONS, scoreCandidate } from '../fingerprint/score-candidate.js';
import type { CandidateMatch } from '../fingerprint/score-candidate.js';
import { walkDirectoryFiles } from '../fingerprint/walk-directory-files.js';
import { isUrlCandidate } from '../watch/url/parse-candidate-url.js';
import { createUrlCandidateReader, parseUrlLimits } from '../watch/url/read-url-candidates.js';
import type { UrlCandidateReader } from '../watch/url/read-url-candidates.js';
import { DEFAULT_URL_LIMITS } from '../watch/url/types.js';
import { escapeField, escapeText } from '../util/terminal-text.js';
import { openMatchIndex } from './match-index.js';
import { reportUsageErrors } from './usage-errors.js';

export interface MatchIo {
  out(text: string): void;
  err(text: string): void;
  isTty: boolean;
  /** For URL candidates: github.* settings and the GitHub token. Defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

export interface MatchOptions {
  repo?: string[];
  state?: string;
  /** Configuration: the data directory (for the stored index) and github.* (for URL candidates). */
  config?: string;
  format?: 'text' | 'json';
  threshold?: string;
  maxUrlFiles?: string;
  maxUrlBytes?: string;
}

export interface MatchRecord extends CandidateMatch {
  readonly candidate: string;
}

const defaultIo: MatchIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTty: Boolean(process.stdout.isTTY),
};

export function createMatchCommand(io: MatchIo = defaultIo): Command {
  const command = new Command('match')
    .description('Is this ours? Match candidate files, directories or URLs against our repositories.')
    .argument('<candidates...>', 'candidate files, directories or http(s) URLs (GitHub file, directory, repository or gist URLs are read through the API)')
    .option('--repo <path>', 'a local git repository (its HEAD is read) or directory to match against; repeatable', collect, [])
    .option('--state <file>', 'without --repo: the state database holding the daemon\'s index (default: <dataDir>/state.db)')
    .option('--config <file>', 'configuration: the data directory of the stored index (without --repo), github.* settings for URL candidates (default: $LEAKWATCH_CONFIG or config/default.yaml)')
    .addOption(new Option('--format <format>', 'output format (default: text on a TTY, else json)').choices(['text', 'json']))
    .option('--threshold <score>', `minimum score 0..1 to report a match (default ${DEFAULT_SCORE_OPTIONS.threshold})`)
    .option('--max-url-files <n>', `files read from one URL (repository, directory, gist; default ${DEFAULT_URL_LIMITS.maxFiles})`)
    .option('--max-url-bytes <n>', `bytes read from one URL (default ${DEFAULT_URL_LIMITS.maxBytes})`)
    .addHelpText('after', [
      '',
      'Exit codes: 0 nothing matched, 1 something matched, 2 bad input or a URL that could not be read (other matches still printed).',
      'Without --repo, candidates are matched against the index the daemon keeps in its state database.',
      'URL candidates: GitHub token from LEAKWATCH_GITHUB_TOKEN or GITHUB_TOKEN (optional; 60 requests an hour without).',
    ].join('\n'))
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .action(async (candidates: string[], options: MatchOptions) => {
      try {
        process.exitCode = await runMatch(candidates, options, io);
      } catch (err) {
        if (!isLeakwatchError(err)) throw err;
        io.err(`leakwatch match: ${escapeText(redactUrlsIn(err.message))}\n`);
        process.exitCode = 2;
      }
    });
  return reportUsageErrors(command);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export async function runMatch(candidates: string[], options: MatchOptions, io: MatchIo): Promise<number> {
  const threshold = parseThreshold(options.threshold);
  const urls = createUrlCandidateReader({
    limits: parseUrlLimits(options, DEFAULT_URL_LIMITS),
    configPath: options.config,
    env: io.env,
    notice: (text) => io.err(`leakwatch match: ${escapeText(text)}\n`),
  });
  for (const c of candidates) {
    if (isUrlCandidate(c)) urls.check(c);
    else if (!(await stat(c).catch(() => null))) throw new LeakwatchError('target', `Candidate ${c} does not exist`);
  }
  const { index, close } = await openMatchIndex(options);
  const records: MatchRecord[] = [];
  let failed = false;
  try {
    for (const c of candidates) {
      try {
        for await (const file of readCandidates(c, urls)) {
          if (ignoreReasonForText(file.content.toString('utf8', 0, 8_000)) === 'binary') continue;
          for (const m of scoreCandidate(index, file.content, { threshold })) records.push({ candidate: file.name, ...m });
        }
      } catch (err) {
        // One unreadable URL should not hide what the other candidates matched.
        if (!isUrlCandidate(c) || !isLeakwatchError(err)) throw err;
        io.err(`leakwatch match: ${escapeText(redactUrlsIn(err.message))}\n`);
        failed = true;
      }
    }
  } finally {
    close();
  }
  const format = options.format ?? (io.isTty ? 'text' : 'json');
  io.out(format === 'json' ? `${JSON.stringify({ matches: records.map(toJson) }, null, 2)}\n` : formatText(records));
  return failed ? 2 : records.length > 0 ? 1 : 0;
}

function parseThreshold(value: string | undefined): number {
  if (value === undefined) return DEFAULT_SCORE_OPTIONS.threshold;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new LeakwatchError('usage', `--threshold must be a number from 0 to 1, got ${value}`);
  return n;
}

async function* readCandidates(target: string, urls: UrlCandidateReader): AsyncGenerator<{ name: string; content: Buffer }> {
  if (isUrlCandidate(target)) {
    yield* urls.read(target);
    return;
  }
  const info = await stat(target);
  if (info.isFile()) {
    yield { name: target, content: await readFile(target) };
    return;
  }
  // A copy of our code under someone's vendor/ folder is still our code: read everything.
  for await (const file of walkDirectoryFiles(target, { skipIgnorable: false })) {
    yield { name: join(target, file.path), content: file.content };
  }
}

function toJson(r: MatchRecord): Record<string, unknown> {
  return {
    candidate: r.candidate, repo: r.repo, path: r.path, score: r.score, kind: r.kind,
    containment: r.containment, coverage: r.coverage, candidateLines: r.candidateLines, sourceLines: r.sourceLines,
  };
}

function formatText(records: MatchRecord[]): string {
  if (records.length === 0) return 'No match.\n';
  return records.map((r) => [
    `${escapeField(r.candidate)}: ${escapeField(r.repo)}/${escapeField(r.path)} score ${r.score.toFixed(2)} (${r.kind}, containment ${r.containment.toFixed(2)}, coverage ${r.coverage.toFixed(2)})`,
    `  candidate lines ${formatRanges(r.candidateLines)}`,
    `  source lines    ${formatRanges(r.sourceLines)}`,
  ].join('\n')).join('\n') + '\n';
}

function formatRanges(ranges: ReadonlyArray<readonly [number, number]>): string {
  return ranges.length === 0 ? '-' : ranges.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(', ');
}
