/**
 * The plain-file queue shared by the main thread and its workers: each thread takes its next file
 * from one atomic counter. Every listed file must be taken exactly once, whichever thread takes
 * it, and counted where it was taken (scanned, binary, too large, unreadable): no file is lost
 * between the threads, none is scanned twice. A worker's side is run here in the same thread as
 * the main thread's (its port is read synchronously either way); the worker threads themselves
 * are exercised through the built scanner in scan-directory-batches.test.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRules } from '../../src/detect/load-rules.js';
import { ObjectScanner } from '../../src/scan/object-scanner.js';
import { emptyResult, scanFileInto, scanFiles } from '../../src/scan/scan-chunk.js';
import { scanSharedFiles, SharedFileQueue } from '../../src/scan/shared-file-queue.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { githubToken } from '../helpers/tokens.js';

afterAll(removeTempDirs);

const scanner = new ObjectScanner(loadRules([]));

/** 300 files: plain, with a token every 50th, a binary one, one over the limit, one gone. */
function tree(): { abs: string; rel: string; oid: string }[] {
  const dir = tempDir();
  mkdirSync(join(dir, 'src'), { recursive: true });
  const list = [];
  for (let i = 0; i < 300; i++) {
    const rel = `src/f${String(i).padStart(3, '0')}.js`;
    let text = `export const n${i} = ${i};\n`;
    if (i % 50 === 0) text += `const auth = "${githubToken()}";\n`;
    if (i === 7) text = 'x'.repeat(5000);
    writeFileSync(join(dir, rel), i === 9 ? Buffer.from([0, 1, 2, 0, 255, 0, 3]) : text);
    list.push({ abs: join(dir, rel), rel, oid: rel });
  }
  // Listed, then gone before it is read.
  list.push({ abs: join(dir, 'src', 'gone.js'), rel: 'src/gone.js', oid: 'src/gone.js' });
  return list;
}

const found = (results: { path?: string; matches: { line: number; ruleId: string }[] }[]): string[] =>
  results.flatMap((r) => r.matches.map((m) => `${r.path} ${m.line} ${m.ruleId}`)).sort();

describe('shared plain-file queue', () => {
  it('hands every file out exactly once between the main thread and a worker, each counted where taken', () => {
    const list = tree();
    const limit = 4096;
    const alone = scanFiles(scanner, list, limit);
    expect(alone).toMatchObject({ objects: 299, tooLarge: 1, binary: 1 });
    expect(alone.unreadable).toEqual([{ path: 'src/gone.js', error: 'ENOENT' }]);

    const queue = new SharedFileQueue();
    // Some names are sent before the worker connects, some after, some only at the close.
    for (const f of list.slice(0, 130)) queue.push(f);
    queue.flush();
    const task = queue.connect(limit);
    for (const f of list.slice(130)) queue.push(f);
    queue.flush();
    expect(queue.unsent).toBe(0);
    queue.close();
    // The main thread takes the first hundred, then the worker's side takes the rest.
    const here = emptyResult();
    for (let i = 0; i < 100; i++) scanFileInto(here, scanner, queue.take()!, i, limit);
    const worker = scanSharedFiles(scanner, task);
    expect(queue.take()).toBeNull();
    expect(queue.allTakenHere).toBe(false);
    expect(queue.workerProgress()).toEqual({ files: list.length - 100, bytes: worker.bytes });

    expect(here.objects + worker.objects).toBe(alone.objects);
    expect(here.bytes + worker.bytes).toBe(alone.bytes);
    expect(here.binary + worker.binary).toBe(1);
    expect(here.tooLarge + worker.tooLarge).toBe(1);
    expect([...here.unreadable, ...worker.unreadable]).toEqual(alone.unreadable);
    expect(found([...here.results, ...worker.results])).toEqual(found(alone.results));
    expect(found(alone.results)).toHaveLength(6);
    queue.closePorts();
  });

  it('says when the main thread took every file, so a worker still starting is not waited for', () => {
    const list = tree().slice(0, 20);
    const queue = new SharedFileQueue();
    const task = queue.connect(1024);
    for (const f of list) queue.push(f);
    expect(queue.allTakenHere).toBe(false);
    queue.close();
    const here = emptyResult();
    for (let f = queue.take(), i = 0; f !== null; f = queue.take(), i++) scanFileInto(here, scanner, f, i, 1024);
    expect(here.objects + here.tooLarge).toBe(20);
    expect(queue.allTakenHere).toBe(true);
    // The worker, when it comes, finds nothing left and reports nothing.
    expect(scanSharedFiles(scanner, task)).toEqual(emptyResult());
    queue.closePorts();
  });
});
