/**
 * `scan --verify`: is a found credential still live? Findings carry only the secret's SHA-256,
 * so for each one whose rule names a verifier the secret is re-read in memory from one of its
 * locations (the object in the scanned git directory, or the file of a plain-directory target),
 * and checked once per distinct secret through the verification service (cache, rate limit).
 * `verified` becomes true (live), false (rejected) or stays null (no verifier, not re-readable,
 * skipped, transient error). The value never leaves this function: it is neither returned nor
 * logged, and nothing here is stored, so every `--verify` run checks again.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { Matcher } from '../detect/matcher.js';
import type { Ruleset } from '../detect/types.js';
import { findSecretInText, recoverSecret } from './recover-secret.js';
import type { LeakedSecret } from '../domain/incident.js';
import type { VerifySecret } from '../domain/verification.js';
import type { Finding } from '../domain/finding.js';

/** Where the scanned content can be read again. */
export type SecretSource = { kind: 'git'; gitDir: string } | { kind: 'directory'; path: string };

export interface VerifyFindingsOptions {
  ruleset: Ruleset;
  source: SecretSource;
  verify: VerifySecret;
  /** Called before each distinct secret is checked and once at the end. */
  onProgress?: (done: number, total: number) => void;
}

/** Locations read per secret at most: a secret copied to a thousand files needs only one. */
const MAX_READS = 5;

type FindingLocation = Finding['locations'][number];

async function readPlainFile(root: string, path: string | null): Promise<string | undefined> {
  if (path === null) return undefined;
  const file = resolve(root, path);
  const rel = relative(root, file);
  // The path came from our own walk; still, never read outside the scanned folder.
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  // latin1, one char per byte, as the scanner held the text when it hashed the secret.
  return readFile(file, 'latin1').catch(() => undefined);
}

async function readSecretAt(source: SecretSource, location: FindingLocation, hashes: string[], ruleset: Ruleset, matcher: Matcher): Promise<LeakedSecret | undefined> {
  if (source.kind === 'git') {
    if (location.blob === null && location.commit === null) return undefined;
    return recoverSecret(source.gitDir, location, hashes, ruleset, matcher);
  }
  const text = await readPlainFile(source.path, location.path);
  return text === undefined ? undefined : findSecretInText(text, location.path, hashes, matcher);
}

/** The first pairing found wins (an AWS key id needs its secret key); else the first value. */
async function recover(source: SecretSource, group: Finding[], ruleset: Ruleset, matcher: Matcher): Promise<LeakedSecret | undefined> {
  const hashes = [group[0]!.secretSha256];
  let single: LeakedSecret | undefined;
  let reads = 0;
  for (const finding of group) {
    for (const location of finding.locations) {
      if (reads++ >= MAX_READS) return single;
      const found = await readSecretAt(source, location, hashes, ruleset, matcher);
      if (found?.relatedValue !== undefined) return found;
      single ??= found;
    }
  }
  return single;
}

export async function verifyFindings(findings: Finding[], options: VerifyFindingsOptions): Promise<Finding[]> {
  const { ruleset, source, verify } = options;
  const groups = new Map<string, { verifierId: string; findings: Finding[] }>();
  for (const f of findings) {
    const verifierId = ruleset.byId.get(f.ruleId)?.provider?.verify;
    if (verifierId === undefined) continue;
    const key = `${verifierId}\0${f.secretSha256}`;
    const group = groups.get(key);
    if (group) group.findings.push(f);
    else groups.set(key, { verifierId, findings: [f] });
  }
  if (groups.size === 0) return findings;

  const matcher = new Matcher(ruleset);
  const outcome = new Map<Finding, boolean | null>();
  // Both findings of an AWS pair recover the same pair: one check, even when it fails and the
  // service (which caches only answers) would try again. Keyed by hash, never by value.
  const checked = new Map<string, boolean | null>();
  let done = 0;
  for (const group of groups.values()) {
    options.onProgress?.(done++, groups.size);
    let verified: boolean | null = null;
    const secret = await recover(source, group.findings, ruleset, matcher);
    if (secret !== undefined) {
      const key = createHash('sha256').update(`${group.verifierId}\0${secret.value}\0${secret.relatedValue ?? ''}`).digest('hex');
      if (checked.has(key)) verified = checked.get(key)!;
      else {
        const result = await verify(group.verifierId, secret);
        verified = result.status === 'live' ? true : result.status === 'invalid' ? false : null;
        checked.set(key, verified);
      }
    }
    for (const f of group.findings) outcome.set(f, verified);
  }
  options.onProgress?.(groups.size, groups.size);
  return findings.map((f) => (outcome.has(f) ? { ...f, verified: outcome.get(f)! } : f));
}
