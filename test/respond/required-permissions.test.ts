import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMAND_IAM_ACTIONS, RESPOND_IAM_ACTIONS } from '../../src/respond/required-permissions.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

describe('required permissions', () => {
  it('lists every AWS command the response, verification and S3 scanning code sends as the daemon', () => {
    const root = fileURLToPath(new URL('../../src/', import.meta.url));
    const used = new Set<string>();
    for (const file of [...sources(join(root, 'respond')), ...sources(join(root, 'verify')), ...sources(join(root, 'scan/s3'))]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/new (\w+)Command\(/g)) used.add(m[1] ?? '');
    }
    const listed = new Set(Object.values(RESPOND_IAM_ACTIONS).flatMap((actions) => actions.map((a) => a.split(':')[1])));
    expect(used.size).toBeGreaterThan(15);
    const actions = new Set(Object.values(RESPOND_IAM_ACTIONS).flat());
    const missing = [...used].filter((command) => !listed.has(command) && !actions.has(COMMAND_IAM_ACTIONS[command] ?? ''));
    expect(missing).toEqual([]);
  });
});
