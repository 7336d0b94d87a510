/**
 * Worker thread entry: compiles the ruleset once and scans the tasks the pool sends until it is
 * told to stop. Objects come read already (the pool's one `git cat-file` child reads them).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildRuleset } from '../detect/build-ruleset.js';
import { adoptMatcherTables } from '../detect/matcher-tables.js';
import type { MatcherTables } from '../detect/matcher-tables.js';
import type { RuleSpec } from '../detect/types.js';
import { publisher } from './match-watch.js';
import { ObjectScanner } from './object-scanner.js';
import { scanBlobs, scanFiles, scanTexts } from './scan-chunk.js';
import type { ScanTask } from './scan-chunk.js';
import { scanSharedFiles } from './shared-file-queue.js';
import type { ChunkResult } from '../domain/finding.js';

interface WorkerInit {
  specs: RuleSpec[];
  /** The main thread's ruleset hash of these specs (nothing here reads it: not hashed again). */
  hash: string;
  /** Its keyword index and prefilter tables for them, so they are not built again here. */
  tables: MatcherTables;
  /** Shared with the pool: which object is being matched (match-watch.ts). */
  watchState: Int32Array;
}

const init = workerData as WorkerInit;
// The main thread has checked these specs already, and built their tables.
const ruleset = buildRuleset(init.specs, { checked: true, hash: init.hash });
adoptMatcherTables(ruleset, init.tables);
const scanner = new ObjectScanner(ruleset);
const watch = publisher(init.watchState);

// The pool may post a second chunk while this one is matched: it waits in the port's queue,
// so the worker goes on to it without waiting for the main thread. Replies name the chunk.
parentPort!.on('message', (msg: { serial: number; task: ScanTask } | { kind: 'stop' }) => {
  if ('kind' in msg) {
    parentPort!.close();
    return;
  }
  const serial = msg.serial;
  watch.chunk(serial);
  // A chunk's buffer goes back with the answer, for the pool's next chunk (chunk-buffer-pool.ts).
  const buffer = msg.task.kind === 'blobs' && msg.task.data.buffer instanceof ArrayBuffer ? msg.task.data.buffer : undefined;
  const back = buffer ? { buffer } : {};
  try {
    const result = scan(msg.task);
    parentPort!.postMessage({ serial, ok: true, result, ...back }, buffer ? [buffer] : []);
  } catch (err) {
    parentPort!.postMessage({ serial, ok: false, error: { message: (err as Error).message, code: (err as { code?: string }).code }, ...back }, buffer ? [buffer] : []);
  }
});

function scan(task: ScanTask): ChunkResult {
  if (task.kind === 'blobs') return scanBlobs(scanner, task.objects, task.data, watch);
  if (task.kind === 'files') return scanFiles(scanner, task.files, task.maxBytes, watch);
  if (task.kind === 'texts') return scanTexts(scanner, task.texts, watch);
  if (task.kind === 'shared-files') return scanSharedFiles(scanner, task);
  throw new Error('scan worker: objects come read already (a blobs task), not as ids');
}
