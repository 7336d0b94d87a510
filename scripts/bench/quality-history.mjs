// An in-memory model of a git history (branches, trees, merges, tags) that serialises to a
// `git fast-import` stream. Fixed authors and a seeded clock make every commit id reproducible.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const AUTHORS = [
  ['Maya Lindqvist', 'maya.lindqvist@paycraft.example'],
  ['Tomasz Wrona', 'tomasz.wrona@paycraft.example'],
  ['Priya Raman', 'priya.raman@paycraft.example'],
  ['Diego Alvarez', 'diego.alvarez@paycraft.example'],
  ['Hannah Okafor', 'hannah.okafor@paycraft.example'],
  ['Kenji Sato', 'kenji.sato@paycraft.example'],
  ['ci-bot', 'ci-bot@paycraft.example'],
];

const START = Date.UTC(2023, 2, 1, 9, 0, 0) / 1000;

export class History {
  constructor(rng) {
    this.rng = rng;
    this.chunks = [];
    this.nextMark = 1;
    this.clock = START;
    this.commits = 0;
    /** name -> { tree: Map<path, content>, head: mark|null, changed: Map<path, content|null> } */
    this.branches = new Map([['main', { tree: new Map(), head: null, changed: new Map() }]]);
    this.toDelete = [];
  }

  tree(branch) {
    return this.branches.get(branch).tree;
  }

  branch(name, from = 'main') {
    const src = this.branches.get(from);
    this.branches.set(name, { tree: new Map(src.tree), head: src.head, changed: new Map() });
  }

  data(text) {
    this.chunks.push(`data ${Buffer.byteLength(text)}\n`, text, '\n');
  }

  /** files: {path: content|null}; renames: [[from, to]]; returns the commit's mark. */
  commit(branchName, { files = {}, renames = [], message, merge = null }) {
    const b = this.branches.get(branchName);
    const mark = this.nextMark++;
    this.clock += this.rng.int(900, 40000);
    const [name, email] = this.rng.pick(AUTHORS);
    const who = `${name} <${email}> ${this.clock} +0000`;
    this.chunks.push(`commit refs/heads/${branchName}\nmark :${mark}\nauthor ${who}\ncommitter ${who}\n`);
    this.data(message);
    if (b.head !== null) this.chunks.push(`from :${b.head}\n`);
    const all = { ...files };
    if (merge) {
      const other = this.branches.get(merge);
      this.chunks.push(`merge :${other.head}\n`);
      for (const [path, content] of other.changed) if (!(path in all)) all[path] = content;
    }
    for (const [from, to] of renames) {
      this.chunks.push(`R ${from} ${to}\n`);
      b.tree.set(to, b.tree.get(from));
      b.tree.delete(from);
      b.changed.set(to, b.tree.get(to));
      b.changed.set(from, null);
    }
    for (const [path, content] of Object.entries(all)) {
      if (content === null) {
        if (!b.tree.has(path)) continue;
        this.chunks.push(`D ${path}\n`);
        b.tree.delete(path);
      } else {
        this.chunks.push(`M 100644 inline ${path}\n`);
        this.data(content);
        b.tree.set(path, content);
      }
      b.changed.set(path, content);
    }
    this.chunks.push('\n');
    b.head = mark;
    this.commits++;
    return mark;
  }

  tag(name, mark, message) {
    const [who, email] = this.rng.pick(AUTHORS);
    this.clock += 60;
    this.chunks.push(`tag ${name}\nfrom :${mark}\ntagger ${who} <${email}> ${this.clock} +0000\n`);
    this.data(message);
  }

  /** The branch ref goes away after import; its commits stay in the object store. */
  dropBranch(name) {
    this.toDelete.push(name);
  }

  /** Writes the stream into a fresh bare repository; returns mark -> commit id. */
  importInto(gitDir, env) {
    const run = (args, input) => {
      const r = spawnSync('git', args, { env, input, maxBuffer: 1 << 28 });
      if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
      return r.stdout.toString();
    };
    run(['init', '--quiet', '--bare', '--initial-branch=main', gitDir]);
    const tmp = mkdtempSync(join(tmpdir(), 'lw-quality-'));
    const marksFile = join(tmp, 'marks');
    run(['--git-dir', gitDir, 'fast-import', '--quiet', `--export-marks=${marksFile}`], this.chunks.join(''));
    for (const name of this.toDelete) run(['--git-dir', gitDir, 'update-ref', '-d', `refs/heads/${name}`]);
    run(['--git-dir', gitDir, 'symbolic-ref', 'HEAD', 'refs/heads/main']);
    const marks = new Map();
    for (const line of readFileSync(marksFile, 'utf8').split('\n')) {
      const [m, sha] = line.split(' ');
      if (m && sha) marks.set(Number(m.slice(1)), sha);
    }
    rmSync(tmp, { recursive: true, force: true });
    return marks;
  }
}
