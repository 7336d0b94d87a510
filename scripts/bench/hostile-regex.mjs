// The hostile-regex figure of the scan benchmark (issue 10, section 4): a user rule whose
// repeated group can split one text in exponentially many ways, and 204 characters that make a
// backtracking engine try them all. A scan must end within a bound (today the rule is refused
// at load); one that does not is killed at CAP_SECONDS and reported as such.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CAP_SECONDS = 60;

const RULE = `family: bench
provider: bench
rules:
  - id: bench-hostile
    title: Hostile nested quantifier
    severity: high
    keywords: [svc_]
    regex: 'svc_(?:[A-Za-z0-9]{1,20}[-_]?){1,20}_token'
    examples:
      positive: ['svc_abc-def_token']
      negative: ['svc_x']
`;

/** Resolves to `{ seconds, code, outcome }`; outcome: refused, finished or killed. */
export async function timeHostileRegex(cli) {
  const dir = mkdtempSync(join(tmpdir(), 'leakwatch-bench-hostile-'));
  try {
    mkdirSync(join(dir, 'rules'));
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'rules', 'hostile.yaml'), RULE);
    writeFileSync(join(dir, 'data', 'hostile.txt'), `svc_${'a'.repeat(200)}\n`);
    const args = [...cli.args, 'scan', join(dir, 'data'), '--rules', join(dir, 'rules'), '--no-state', '--no-progress'];
    const started = process.hrtime.bigint();
    const { code, killed } = await new Promise((resolve, reject) => {
      const child = spawn(cli.command, args, { stdio: 'ignore' });
      const timer = setTimeout(() => child.kill('SIGKILL'), CAP_SECONDS * 1000);
      child.on('error', reject);
      child.on('close', (exitCode, signal) => {
        clearTimeout(timer);
        resolve({ code: exitCode, killed: signal === 'SIGKILL' });
      });
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const outcome = killed ? `killed at ${CAP_SECONDS} s` : code === 2 ? 'rule refused at load' : `finished (exit ${code})`;
    return { seconds, code, outcome };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
