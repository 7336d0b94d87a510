/**
 * Baselines: a team accepts today's findings once (`scan --write-baseline FILE`), and CI then
 * fails only on findings that are not in it (`scan --baseline FILE`).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { LeakwatchError } from '../errors.js';
import type { Finding } from '../domain/finding.js';

const baselineSchema = z.object({ findings: z.array(z.object({ id: z.string() }).loose()) }).loose();

export function readBaseline(file: string): Set<string> {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new LeakwatchError('usage', `cannot read baseline ${file}: ${(err as Error).message.split('\n')[0]}; write one with --write-baseline`);
  }
  const parsed = baselineSchema.safeParse(doc);
  if (!parsed.success) throw new LeakwatchError('usage', `baseline ${file} has no findings list: write one with --write-baseline`);
  return new Set(parsed.data.findings.map((f) => f.id));
}

export function writeBaseline(file: string, findings: Finding[]): void {
  const body = {
    version: 1,
    tool: 'leakwatch',
    findings: findings.map(({ id, ruleId, secretSha256, redacted, path, commit }) => ({ id, ruleId, secretSha256, redacted, path, commit })),
  };
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(body, null, 2)}\n`);
  renameSync(tmp, file);
}
