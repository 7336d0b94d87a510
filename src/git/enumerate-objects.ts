/**
 * Lists every object in the object store — reachable or not, packed or loose — in pack order
 * (`--unordered`), which is also the order that reads their contents fastest.
 */
import { createInterface } from 'node:readline';
import { LeakwatchError } from '../errors.js';
import { firstLine, spawnGit } from './run-git.js';

export type ObjectType = 'blob' | 'commit' | 'tag' | 'tree';

export interface ObjectInfo {
  oid: string;
  type: ObjectType;
  size: number;
}

export async function enumerateObjects(gitDir: string, onObject: (o: ObjectInfo) => void): Promise<void> {
  const child = spawnGit(gitDir, [
    'cat-file',
    '--batch-all-objects',
    '--unordered',
    '--batch-check=%(objectname) %(objecttype) %(objectsize)',
  ]);
  child.stdin.end();
  const err: Buffer[] = [];
  child.stderr.on('data', (b: Buffer) => err.push(b));
  const done = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  for await (const line of createInterface({ input: child.stdout, crlfDelay: Infinity })) {
    const a = line.indexOf(' ');
    const b = line.indexOf(' ', a + 1);
    onObject({ oid: line.slice(0, a), type: line.slice(a + 1, b) as ObjectType, size: Number(line.slice(b + 1)) });
  }
  const code = await done;
  if (code !== 0) {
    throw new LeakwatchError('git', `cannot list objects: ${firstLine(Buffer.concat(err).toString()) || `exit ${code}`}`);
  }
}
