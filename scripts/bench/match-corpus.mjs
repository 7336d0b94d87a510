// Builds the labelled code-match corpus in bench-data/match: candidates derived from our
// ("private") package files by each transformation, negatives from unrelated packages, and
// hard negatives that share only licence text and boilerplate with our files. Deterministic for
// a given seed and the pinned packages in match-packages.mjs.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { createRandom } from './match-random.mjs';
import { packageName, preparePackage, PRIVATE_PACKAGES, UNRELATED_PACKAGES } from './match-packages.mjs';
import { changeComments, excerpt, mergeInto, reformat, renameIdentifiers } from './match-transforms.mjs';

export const CORPUS_VERSION = 4;
const CODE_EXT = new Set(['.js', '.mjs', '.cjs', '.ts']);
const MAX_BYTES = 1024 * 1024;

/** Every regular file under `root`, as { rel, full }, sorted for determinism. */
export function listFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else if (st.isFile() && st.size <= MAX_BYTES) out.push({ rel: relative(root, full).split('\\').join('/'), full });
    }
  };
  walk(root);
  return out;
}

function isText(buffer) {
  return !buffer.subarray(0, 8000).includes(0);
}

/**
 * @param {{ dataDir: string, seed: number, perClass: number, negatives: number, hardNegatives: number,
 *   lib: { tokenize: Function, isIgnorablePath: Function, ignoreReasonForText: Function } }} opts
 */
export function buildCorpus(opts) {
  const { dataDir, seed, lib } = opts;
  const labelsPath = join(dataDir, 'labels.json');
  const key = { version: CORPUS_VERSION, seed, perClass: opts.perClass, negatives: opts.negatives, hardNegatives: opts.hardNegatives };
  if (existsSync(labelsPath)) {
    const cached = JSON.parse(readFileSync(labelsPath, 'utf8'));
    if (JSON.stringify(cached.key) === JSON.stringify(key)) return cached;
  }
  const rng = createRandom(seed);
  const countTokens = (text) => lib.tokenize(text).ids.length;
  const privateRepos = PRIVATE_PACKAGES.map((spec) => ({ repo: packageName(spec), dir: preparePackage(spec, dataDir) }));
  const unrelatedDirs = UNRELATED_PACKAGES.map((spec) => preparePackage(spec, dataDir));

  // Sources for positives: our code files that the index keeps and that are long enough to say something.
  const sources = [];
  const licenceHeaders = [];
  for (const { repo, dir } of privateRepos) {
    for (const f of listFiles(dir)) {
      if (!CODE_EXT.has(extname(f.rel)) || f.rel.endsWith('.d.ts') || lib.isIgnorablePath(f.rel)) continue;
      const text = readFileSync(f.full, 'utf8');
      if (lib.ignoreReasonForText(text)) continue;
      const header = text.match(/^\s*(\/\*[\s\S]*?\*\/)/);
      if (header && /licen[cs]e|copyright/i.test(header[1]) && header[1].length < 3000) licenceHeaders.push(header[1]);
      if (countTokens(text) >= 150) sources.push({ repo, path: f.rel, text });
    }
  }
  const unrelated = unrelatedDirs.flatMap((dir) => listFiles(dir)).filter((f) => !/\.(png|gif|jpg|ico)$/.test(f.rel));
  const unrelatedCode = unrelated.filter((f) => CODE_EXT.has(extname(f.rel)) && !/\.min\./.test(f.rel));

  const outDir = join(dataDir, 'candidates');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const labels = [];
  const add = (cls, text, ext, source = null) => {
    const id = `${cls}-${String(labels.length).padStart(5, '0')}${ext}`;
    writeFileSync(join(outDir, id), text);
    labels.push({ id, class: cls, positive: source !== null, source });
  };
  const readText = (f) => {
    const buf = readFileSync(f.full);
    return isText(buf) ? buf.toString('utf8') : null;
  };

  const transforms = {
    exact: (s) => s.text,
    reformatted: (s) => reformat(s.text, rng),
    'comments-changed': (s) => changeComments(s.text, rng),
    renamed: (s) => renameIdentifiers(s.text, rng),
    excerpt: (s) => excerpt(s.text, rng, countTokens, 100)?.text ?? null,
    merged: (s) => {
      const part = excerpt(s.text, rng, countTokens, 100);
      const host = part && readText(rng.pick(unrelatedCode));
      return part && host ? mergeInto(host, part.text, rng) : null;
    },
  };
  for (const [cls, transform] of Object.entries(transforms)) {
    let made = 0;
    for (const s of rng.shuffle(sources)) {
      if (made >= opts.perClass) break;
      const text = transform(s);
      if (text === null) continue;
      add(cls, text, extname(s.path), { repo: s.repo, path: s.path });
      made++;
    }
  }

  for (const f of rng.shuffle(unrelated).slice(0, opts.negatives)) {
    const text = readText(f);
    if (text !== null) add('unrelated', text, extname(f.rel) || '.txt');
  }

  const mit = readFileSync(join(privateRepos.find((r) => r.repo === 'lodash').dir, 'LICENSE'), 'utf8');
  const boilerplate = [
    "'use strict';\n",
    'Object.defineProperty(exports, "__esModule", {\n  value: true\n});\n',
    'function _interopRequireDefault(obj) { return obj && obj.__esModule ? obj : { default: obj }; }\n',
    "(function (global, factory) {\n  typeof exports === 'object' && typeof module !== 'undefined' ? module.exports = factory() :\n  typeof define === 'function' && define.amd ? define(factory) :\n  (global.lib = factory());\n}(this, (function () { 'use strict';\n",
  ];
  for (let i = 0; i < opts.hardNegatives; i++) {
    const kind = i % 3;
    if (kind === 0) {
      const host = readText(rng.pick(unrelatedCode)) ?? '';
      const header = licenceHeaders.length > 0 ? rng.pick(licenceHeaders) : `/*\n${mit}\n*/`;
      add('hard-negative', `${header}\n${rng.pick(boilerplate)}${rng.pick(boilerplate)}\n${host}`, '.js');
    } else if (kind === 1) {
      const host = readText(rng.pick(unrelated.filter((f) => f.rel.endsWith('.md')))) ?? '';
      add('hard-negative', `${host}\n\n## License\n\n${mit}\n`, '.md');
    } else {
      const licence = readText(rng.pick(unrelated.filter((f) => /licen[cs]e/i.test(f.rel)))) ?? mit;
      add('hard-negative', `${licence}\n\n${mit}`, '.txt');
    }
  }

  const corpus = { key, labels, privateRepos };
  writeFileSync(labelsPath, JSON.stringify(corpus, null, 1));
  return corpus;
}
