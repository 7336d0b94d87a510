/**
 * Worker thread entry: compiles the ruleset once, owns its own `git cat-file --batch`, and
 * scans the tasks the pool sends until it is told to stop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildRuleset } from '../detect/build-ruleset.js';
import type { RuleSpec } from '../detect/types.js';
import { CatFileReader } from '../git/cat-file-reader.js';
import { ObjectScanner } from './object-scanner.js';
import { scanFiles, scanObjects } from './scan-chunk.js';
import type { ScanTask } from './scan-chunk.js';

interface WorkerInit {
  gitDir: string | null;
  specs: RuleSpec[];
}

const init = workerData as WorkerInit;
// The main thread has checked these specs already.
const scanner = new ObjectScanner(buildRuleset(init.specs, { checked: true }));
const reader = init.gitDir ? new CatFileReader(init.gitDir) : null;

parentPort!.on('message', (task: ScanTask | { kind: 'stop' }) => {
  if (task.kind === 'stop') {
    reader?.close();
    parentPort!.close();
    return;
  }
  const run = task.kind === 'objects' ? scanObjects(reader!, scanner, task.objects) : Promise.resolve(scanFiles(scanner, task.files));
  run.then(
    (result) => parentPort!.postMessage({ ok: true, result }),
    (err: Error) => parentPort!.postMessage({ ok: false, error: { message: err.message, code: (err as { code?: string }).code } }),
  );
});
