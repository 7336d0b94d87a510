// Runs git for the benchmark scripts with the user's and system's configuration switched off,
// so a developer's ~/.gitconfig (pack settings, hooks, default branch) cannot change the corpus
// or the timings.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' };

/** Runs `git -C repo ...args` and returns its stdout. */
export async function git(repo, args) {
  const { stdout } = await run('git', ['-C', repo, ...args], { env: GIT_ENV, maxBuffer: 512 * 1024 * 1024 });
  return stdout;
}

/** Starts `git -C repo ...args` with piped stdin; resolves when it exits 0, rejects otherwise. */
export function spawnGit(repo, args) {
  const child = spawn('git', ['-C', repo, ...args], { env: GIT_ENV, stdio: ['pipe', 'inherit', 'pipe'] });
  let stderr = '';
  // A dying git closes its stdin; the exit code and stderr below say why, not the EPIPE.
  child.stdin.on('error', () => {});
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git ${args[0]} failed (${code}): ${stderr.trim()}`))));
  });
  return { stdin: child.stdin, exited };
}

/** Counts the objects in the store by type, with the total size of the blobs. */
export async function countObjects(repo) {
  const out = await git(repo, ['cat-file', '--batch-all-objects', '--unordered', '--batch-check=%(objecttype) %(objectsize)']);
  const counts = { commit: 0, tree: 0, blob: 0, tag: 0, blobBytes: 0 };
  for (const line of out.split('\n')) {
    if (!line) continue;
    const [type, size] = line.split(' ');
    counts[type] += 1;
    if (type === 'blob') counts.blobBytes += Number(size);
  }
  return counts;
}
