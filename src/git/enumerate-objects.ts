/**
 * Lists every object in the object store — reachable or not, packed or loose — in pack order
 * (`--unordered`), which is also the order that reads their contents fastest.
 */
import { LeakwatchError } from '../errors.js';
import { firstLine, spawnGit } from './run-git.js';

export type ObjectType = 'blob' | 'commit' | 'tag' | 'tree';

export interface ObjectInfo {
  oid: string;
  type: ObjectType;
  size: number;
}

/** Trees are not listed: nothing scans them, and they are half of a store's objects. */
export async function enumerateObjects(gitDir: string, onObject: (o: ObjectInfo) => void): Promise<void> {
  const child = spawnGit(gitDir, [
    'cat-file',
    '--batch-all-objects',
    '--unordered',
    '--batch-check=%(objecttype) %(objectname) %(objectsize)',
  ]);
  child.stdin.end();
  const err: Buffer[] = [];
  child.stderr.on('data', (b: Buffer) => err.push(b));
  const done = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const onLine = (line: string): void => {
    const a = line.indexOf(' ');
    const b = line.indexOf(' ', a + 1);
    if (b < 0) {
      // "<oid> missing": git could not read the object.
      child.kill();
      throw new LeakwatchError('git', `object ${line.slice(0, a)} in ${gitDir} is corrupt or unreadable (${line.slice(a + 1)}): run git fsck`);
    }
    onObject({ oid: line.slice(a + 1, b), type: line.slice(0, a) as ObjectType, size: Number(line.slice(b + 1)) });
  };
  let rest: Buffer | null = null;
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    const data: Buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
    let pos = 0;
    for (let nl = data.indexOf(10, pos); nl >= 0; nl = data.indexOf(10, pos)) {
      // "tree ..." lines are skipped without making a string of them.
      if (!(data[pos] === 116 && data[pos + 1] === 114)) onLine(data.toString('latin1', pos, nl));
      pos = nl + 1;
    }
    rest = pos < data.length ? data.subarray(pos) : null;
  }
  if (rest) onLine(rest.toString('latin1'));
  const code = await done;
  if (code !== 0) {
    throw new LeakwatchError('git', `cannot list objects: ${firstLine(Buffer.concat(err).toString()) || `exit ${code}`}`);
  }
}
