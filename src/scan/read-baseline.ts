/**
 * Baselines: a team accepts today's findings once (`scan --write-baseline FILE`), and CI then
 * fails only on findings that are not in it (`scan --baseline FILE`).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { LeakwatchError } from '../errors.js';
import { writeFileSafely } from '../util/write-file-safely.js';
import type { Finding } from '../domain/finding.js';

const baselineSchema = z.object({ findings: z.array(z.object({ id: z.string() }).loose()) }).loose();

export function readBaseline(file: string): Set<string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new LeakwatchError('usage', `cannot read baseline ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}; check the --baseline path`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text around the error, and a file given by mistake can
    // hold a secret: say only that it is not JSON.
    throw new LeakwatchError('usage', `baseline ${file} is not JSON; write one with --write-baseline`);
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
  try {
    writeFileSafely(file, `${JSON.stringify(body, null, 2)}\n`);
  } catch (err) {
    throw new LeakwatchError('usage', `cannot write baseline ${file}: ${(err as Error).message}; check the --write-baseline path`);
  }
}
