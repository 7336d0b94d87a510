/**
 * `leakwatch scan` answered from the cached report of the same scan (scan/report-cache.ts)
 * before the command line parser and the scan command load, so a rerun with nothing new to read
 * costs little more than Node.js's own start (issue 14). Only a plain command line is read here:
 * one target and the options below, each as scan.ts defines it, in the forms `--name value`,
 * `--name=value` and `-f value`. Anything else (help, --baseline, --since, --verify, --no-state,
 * an option or a value it does not know, an option given twice), any error, and any scan whose
 * cached report does not hold go the usual way (program.ts), which reads the same files again
 * and says what is wrong exactly as before; nothing is written until the answer is known.
 */
import { resolve } from 'node:path';
import { CONFIDENCE_LEVELS } from '../domain/confidence.js';
import type { Confidence } from '../detect/types.js';
import { answerFromCache } from '../scan/cached-rerun.js';
import { DEFAULT_MAX_ARCHIVE_BYTES } from '../scan/s3/archive-limits.js';
import { DEFAULT_MAX_BLOB_BYTES } from '../scan/scan-options-key.js';
import { handleError } from './handle-error.js';
import { positiveInt, workerCount } from './option-values.js';
import { FORMATS, printCachedAnswer } from './print-scan-report.js';
import { DEFAULT_STATE_DIR, scanVariables } from './scan-flags.js';
import type { ScanFlags } from './scan-flags.js';

/** The options read here that take a value, by long name (test/cli/scan-from-cache.test.ts checks them against scan.ts). */
export const VALUE_OPTIONS = {
  '--format': 'format',
  '--output': 'output',
  '--min-confidence': 'minConfidence',
  '--rules': 'rules',
  '--max-blob-bytes': 'maxBlobBytes',
  '--max-archive-bytes': 'maxArchiveBytes',
  '--state': 'state',
  '--ignore-file': 'ignoreFile',
  '--workers': 'workers',
  '--internal-domain': 'internalDomain',
  '--org-domain': 'orgDomain',
  '--internal-cidr': 'internalCidr',
} as const satisfies Record<string, keyof ScanFlags>;

/** Those that take no value, and the value they give their flag. */
export const SWITCH_OPTIONS = {
  '--no-progress': ['progress', false],
  '--allow-incomplete': ['allowIncomplete', true],
} as const satisfies Record<string, readonly [keyof ScanFlags, boolean]>;

export const SHORT_OPTIONS: Partial<Record<string, keyof typeof VALUE_OPTIONS>> = { '-f': '--format', '-o': '--output' };

const REPEATABLE = new Set<string>(['--rules', '--internal-domain', '--org-domain', '--internal-cidr']);

const oneOf = <T extends string>(choices: readonly T[], value: string): T | null => ((choices as readonly string[]).includes(value) ? (value as T) : null);

/** A value as scan.ts's parser would take it, or null where that parser would refuse it. */
function valueOf(option: keyof typeof VALUE_OPTIONS, value: string): string | number | null {
  switch (option) {
    case '--format':
      return oneOf(FORMATS, value);
    case '--min-confidence':
      return oneOf<Confidence>(CONFIDENCE_LEVELS, value);
    case '--max-blob-bytes':
    case '--max-archive-bytes':
      return positiveInt(value);
    case '--workers':
      return workerCount(value);
    default:
      return value;
  }
}

/** The target and the flags commander would give scan.ts's action for these arguments, or null: not a plain command line. */
export function parsePlainScanArgs(args: readonly string[]): { target: string; flags: ScanFlags } | null {
  const flags: ScanFlags = {
    rules: [],
    maxBlobBytes: DEFAULT_MAX_BLOB_BYTES,
    maxArchiveBytes: DEFAULT_MAX_ARCHIVE_BYTES,
    state: DEFAULT_STATE_DIR,
    internalDomain: [],
    orgDomain: [],
    internalCidr: [],
    progress: true,
  };
  const given = new Set<string>();
  const targets: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('-')) {
      targets.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name: string = SHORT_OPTIONS[arg] ?? (eq < 0 ? arg : arg.slice(0, eq));
    if (given.has(name) && !REPEATABLE.has(name)) return null;
    given.add(name);
    if (Object.hasOwn(SWITCH_OPTIONS, name) && eq < 0) {
      const [field, value] = SWITCH_OPTIONS[name as keyof typeof SWITCH_OPTIONS];
      Object.assign(flags, { [field]: value });
    } else if (Object.hasOwn(VALUE_OPTIONS, name)) {
      const option = name as keyof typeof VALUE_OPTIONS;
      const raw = eq < 0 ? args[++i] : arg.slice(eq + 1);
      // A value that looks like an option, or none: commander's way with it is left to commander.
      if (raw === undefined || raw === '' || raw.startsWith('-')) return null;
      const value = valueOf(option, raw);
      if (value === null) return null;
      const field = VALUE_OPTIONS[option];
      if (REPEATABLE.has(option)) (flags[field] as string[]).push(value as string);
      else Object.assign(flags, { [field]: value });
    } else {
      return null;
    }
  }
  return targets.length === 1 ? { target: targets[0]!, flags } : null;
}

/**
 * Answers `scan <args>` from its cached report and says so (true), or does nothing and says
 * false: the caller then runs the scan command as usual.
 */
export async function scanFromCache(args: readonly string[]): Promise<boolean> {
  const parsed = parsePlainScanArgs(args);
  if (!parsed) return false;
  const { target, flags } = parsed;
  let answer;
  try {
    answer = await answerFromCache({
      target,
      stateDir: resolve(flags.state as string),
      rulesDirs: flags.rules,
      variables: scanVariables(flags),
      maxBlobBytes: flags.maxBlobBytes,
      ignoreFile: flags.ignoreFile,
    });
  } catch {
    // The scan command meets the same error and reports it.
    return false;
  }
  if (!answer) return false;
  try {
    return printCachedAnswer(answer, flags);
  } catch (err) {
    handleError(err, false);
  }
  return true;
}
