/**
 * The module walls docs/architecture.md promises, read from the import graph of src/: scanning
 * knows nothing of response, verification, the daemon or AWS; response runs no git and reaches
 * the scanner only through injected functions; verification and response do not import each
 * other; the store's interface speaks only domain types; nothing but the CLI and the daemon wires
 * the CLI, the daemon or the SQLite backend.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { folderOf, reachableAtRunTime, readImportGraph } from './import-graph.js';
import type { ImportEdge } from './import-graph.js';

const edges = readImportGraph(fileURLToPath(new URL('../../src/', import.meta.url)));
const files = [...new Set(edges.map((e) => e.from))];
const show = (e: ImportEdge): string => `${e.from} -> ${e.to}`;
const importsFrom = (fromFolder: string, toPrefixes: readonly string[]): string[] =>
  edges.filter((e) => folderOf(e.from) === fromFolder && toPrefixes.some((p) => e.to.startsWith(p))).map(show);

/** `file -> target` for every target matching `bad` that some file of `folder` runs, directly or not. */
function reachesAtRunTime(folder: string, bad: RegExp): string[] {
  const out = new Set<string>();
  for (const file of files.filter((f) => folderOf(f) === folder)) {
    for (const to of reachableAtRunTime(edges, file)) if (bad.test(to)) out.add(`${file} -> ${to}`);
  }
  return [...out].sort();
}

describe('module walls', () => {
  it('reads the whole graph (a parser that saw nothing would pass every rule)', () => {
    expect(files.length).toBeGreaterThan(200);
    expect(edges.map(show)).toEqual(expect.arrayContaining(['scan/run-scan.ts -> git/resolve-target.ts', 'cli/program.ts -> commander']));
    // `import type` is told apart from an import that runs code.
    expect(edges.find((e) => e.from === 'store/types.ts')?.typeOnly).toBe(true);
  });

  it('scan/ imports nothing from respond/, verify/, daemon/, watch/ or cli/', () => {
    expect(importsFrom('scan', ['respond/', 'verify/', 'daemon/', 'watch/', 'cli/'])).toEqual([]);
  });

  it('scan/ knows nothing of AWS: no AWS SDK reachable from it', () => {
    expect(reachesAtRunTime('scan', /^@aws-sdk\//)).toEqual([]);
  });

  it('scan/ opens no store backend itself: the caller hands it one', () => {
    expect(importsFrom('scan', ['store/sqlite/', 'store/open-store.ts', 'better-sqlite3'])).toEqual([]);
  });

  it('respond/ imports nothing from git/ or scan/ (the scanner is injected through its deps)', () => {
    expect(importsFrom('respond', ['git/', 'scan/'])).toEqual([]);
  });

  it('respond/ runs no git: neither git/, scan/, simple-git nor a child process is reachable from it', () => {
    expect(reachesAtRunTime('respond', /^(git\/|scan\/|simple-git$|child_process$)/)).toEqual([]);
  });

  it('respond/ starts no process and names no git command in its own code', () => {
    const root = fileURLToPath(new URL('../../src/', import.meta.url));
    const runsSomething = /(?<!\.)\b(spawn|spawnSync|exec|execSync|execFile|execFileSync|fork)\s*\(|['"`]git['"`]|simpleGit\s*\(/;
    expect(files.filter((f) => folderOf(f) === 'respond' && runsSomething.test(readFileSync(join(root, f), 'utf8')))).toEqual([]);
  });

  it('verify/ and respond/ never import each other', () => {
    expect([...importsFrom('verify', ['respond/']), ...importsFrom('respond', ['verify/'])]).toEqual([]);
  });

  it('store/types.ts imports only domain types', () => {
    expect(edges.filter((e) => e.from === 'store/types.ts' && !(e.to.startsWith('domain/') && e.typeOnly)).map(show)).toEqual([]);
  });

  it('domain/ depends on nothing but domain/, the config types and the rule types (type imports only)', () => {
    const allowed = (e: ImportEdge): boolean =>
      e.typeOnly && (e.to.startsWith('domain/') || e.to === 'config/config-types.ts' || e.to === 'detect/types.ts');
    expect(edges.filter((e) => folderOf(e.from) === 'domain' && !allowed(e)).map(show)).toEqual([]);
  });

  it('nothing but cli/ and daemon/ imports cli/ or daemon/', () => {
    const wiring = new Set(['cli', 'daemon']);
    expect(edges.filter((e) => !wiring.has(folderOf(e.from)) && /^(cli|daemon)\//.test(e.to)).map(show)).toEqual([]);
  });

  it('only cli/, daemon/ and store/ itself pick the SQLite backend', () => {
    const wiring = new Set(['cli', 'daemon', 'store']);
    expect(edges.filter((e) => !wiring.has(folderOf(e.from)) && (e.to.startsWith('store/sqlite/') || e.to === 'better-sqlite3')).map(show)).toEqual([]);
  });
});
