/**
 * Worker thread entry: compiles the ruleset once and scans the tasks the pool sends until it is
 * told to stop. Objects come read already (the pool's one `git cat-file` child reads them).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildRuleset } from '../detect/build-ruleset.js';
import type { RuleSpec } from '../detect/types.js';
import { publisher } from './match-watch.js';
import type { MatchWatch } from './match-watch.js';
import { ObjectScanner } from './object-scanner.js';
import { scanBlobs, scanFiles, scanTexts } from './scan-chunk.js';
import type { ScanTask } from './scan-chunk.js';
import { scanSharedFiles } from './shared-file-queue.js';
import type { ChunkResult } from '../domain/finding.js';

interface WorkerInit {
  specs: RuleSpec[];
  /** Shared with the pool: which object is being matched (match-watch.ts). */
  watchState: Int32Array;
}

type Message = ScanTask | { kind: 'stop' } | ({ kind: 'init' } & WorkerInit);

let scanner: ObjectScanner | null = null;
let watch: MatchWatch | null = null;
/** Why the rules sent to a worker started early could not be compiled: the first task says so. */
let initError: Error | null = null;

function setUp(init: WorkerInit): void {
  // The main thread has checked these specs already.
  scanner = new ObjectScanner(buildRuleset(init.specs, { checked: true }));
  watch = publisher(init.watchState);
}

// A worker started early (worker-spawn.ts) gets its rules in its first message, `init`.
const data = workerData as WorkerInit | { early: true };
if (!('early' in data)) setUp(data);

parentPort!.on('message', (task: Message) => {
  if (task.kind === 'stop') {
    parentPort!.close();
    return;
  }
  if (task.kind === 'init') {
    try {
      setUp(task);
    } catch (err) {
      initError = err as Error;
    }
    return;
  }
  try {
    if (initError) throw initError;
    parentPort!.postMessage({ ok: true, result: scan(task) });
  } catch (err) {
    parentPort!.postMessage({ ok: false, error: { message: (err as Error).message, code: (err as { code?: string }).code } });
  }
});

function scan(task: ScanTask): ChunkResult {
  if (scanner === null || watch === null) throw new Error('scan worker: a task came before its rules');
  if (task.kind === 'blobs') return scanBlobs(scanner, task.objects, task.data, watch);
  if (task.kind === 'files') return scanFiles(scanner, task.files, task.maxBytes, watch);
  if (task.kind === 'texts') return scanTexts(scanner, task.texts, watch);
  if (task.kind === 'shared-files') return scanSharedFiles(scanner, task);
  throw new Error('scan worker: objects come read already (a blobs task), not as ids');
}
