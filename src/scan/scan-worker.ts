/**
 * Worker thread entry: compiles the ruleset once, owns its own `git cat-file --batch`, and
 * scans the tasks the pool sends until it is told to stop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildRuleset } from '../detect/build-ruleset.js';
import type { RuleSpec } from '../detect/types.js';
import { CatFileReader } from '../git/cat-file-reader.js';
import { publishPid, publisher } from './match-watch.js';
import { ObjectScanner } from './object-scanner.js';
import { scanFiles, scanObjects, scanTexts } from './scan-chunk.js';
import type { ScanTask } from './scan-chunk.js';

interface WorkerInit {
  gitDir: string | null;
  specs: RuleSpec[];
  /** Shared with the pool: which object is being matched (match-watch.ts). */
  watchState: Int32Array;
}

const init = workerData as WorkerInit;
// The main thread has checked these specs already.
const scanner = new ObjectScanner(buildRuleset(init.specs, { checked: true }));
const reader = init.gitDir ? new CatFileReader(init.gitDir) : null;
const watch = publisher(init.watchState);
// The pool kills this child if it has to stop the thread mid-match.
publishPid(init.watchState, reader?.pid);

parentPort!.on('message', (task: ScanTask | { kind: 'stop' }) => {
  if (task.kind === 'stop') {
    reader?.close();
    parentPort!.close();
    return;
  }
  const run =
    task.kind === 'objects'
      ? scanObjects(reader!, scanner, task.objects, watch)
      : Promise.resolve(task.kind === 'files' ? scanFiles(scanner, task.files, task.maxBytes, watch) : scanTexts(scanner, task.texts, watch));
  run.then(
    (result) => parentPort!.postMessage({ ok: true, result }),
    (err: Error) => parentPort!.postMessage({ ok: false, error: { message: err.message, code: (err as { code?: string }).code } }),
  );
});
