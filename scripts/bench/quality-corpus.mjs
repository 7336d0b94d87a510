// Builds the labelled quality corpus: a bare repository with a realistic service history, the
// planted secrets placed the ways real leaks happen, and the decoys; plus labels.json. The
// labels come from this generator only, never from the detector rules.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng, sha256 } from './quality-rng.mjs';
import { History } from './quality-history.mjs';
import { SERVICES, skeleton, fillerChange } from './quality-filler.mjs';
import { secretKinds } from './quality-secrets.mjs';
import { decoyKinds } from './quality-decoys.mjs';
import { renderFormat, placements } from './quality-formats.mjs';

export const DEFAULT_SEED = 20261128;
const FILLER_COMMITS = 260;
const ENVS = ['prod', 'staging', 'dev', 'qa', 'sandbox', 'perf', 'eu', 'us'];
const COMMON_FORMATS = ['env', 'yaml', 'json', 'compose', 'k8s', 'tfvars', 'dockerfile', 'shell', 'markdown'];
/** Code formats per service language (first is the language's source format). */
const LANG_FORMATS = { node: ['js'], python: ['python'], go: ['go'], java: ['java', 'properties', 'xml'] };
const ROOT_DIRS = ['.github/', 'ci/', 'notebooks/', 'k8s/', 'terraform/', 'docs/', 'ansible/'];

const PLACEMENT_WEIGHTS = {
  normal: 26, deleted: 15, branch: 8, dangling: 6, renamed: 6, merge: 6, tag: 5, fixture: 8,
  message: 5, minified: 5, ci: 6, notebook: 5,
};
const FILE_PLACEMENTS = ['normal', 'deleted', 'branch', 'dangling', 'renamed', 'merge', 'tag', 'fixture'];

function weighted(rng, allowed) {
  const total = allowed.reduce((s, k) => s + PLACEMENT_WEIGHTS[k], 0);
  let x = rng.float() * total;
  for (const k of allowed) if ((x -= PLACEMENT_WEIGHTS[k]) < 0) return k;
  return allowed[allowed.length - 1];
}

function lineOf(text, needles) {
  for (const n of needles) {
    const i = text.indexOf(n);
    if (i >= 0) return text.slice(0, i).split('\n').length;
  }
  return null;
}

export function buildCorpus(outDir, seed = DEFAULT_SEED, generator = null) {
  const rng = createRng(seed);
  const h = new History(rng);
  const used = new Set();
  const planted = [];
  const decoys = [];
  let branchNo = 0;

  const place = (svc, path) => {
    const first = ROOT_DIRS.some((d) => path.startsWith(d)) ? path : `services/${svc}/${path}`;
    const taken = (f) => used.has(f) || h.tree('main').has(f);
    const cut = first.lastIndexOf('/');
    const alternatives = ['deploy', 'ops', 'local', 'v2', 'backup', 'old', 'tmp', 'archive'].map((d) => `${first.slice(0, cut)}/${d}${first.slice(cut)}`);
    let full = [first, ...alternatives].find((f) => !taken(f));
    for (let n = 2; !full; n++) if (!taken(`${first}.${n}`)) full = `${first}.${n}`;
    used.add(full);
    return full;
  };
  const filler = (branch) => {
    const c = fillerChange(rng, h.tree(branch));
    return h.commit(branch, c);
  };

  /** Renders one planted item for a placement: { path, content } or { message }. */
  const materialise = (item, placement, svc) => {
    const env = rng.pick(ENVS);
    if (placement === 'message') return { message: placements.message(item.entries, rng), svc };
    if (['minified', 'ci', 'notebook'].includes(placement)) return { ...placements[placement](item.entries, rng, svc), svc };
    if (placement === 'fixture') {
      if (item.file) return { path: `tests/fixtures/${item.file.name.split('/').pop()}`, content: item.file.content, svc };
      return { ...placements.fixture(item.entries, rng, svc), svc };
    }
    if (item.file) return { path: item.file.name, content: item.file.content, svc };
    const lang = SERVICES.find((x) => x.name === svc).lang;
    const fmt = item.formats
      ? rng.pick(item.formats.map((f) => (f === 'code' ? LANG_FORMATS[lang][0] : f)))
      : rng.pick([...COMMON_FORMATS, ...LANG_FORMATS[lang]]);
    const owner = ['properties', 'xml'].includes(fmt) ? 'ledger' : svc;
    return { ...renderFormat(fmt, item.entries, rng, owner, env), format: fmt, svc: owner };
  };

  const record = (item, where, mark, placement) => {
    for (const l of item.labels) {
      const text = where.content ?? where.message;
      planted.push({
        kind: l.kind, value: l.value, accept: l.accept, related: l.related, path: where.path ?? null,
        line: lineOf(text, [l.value, ...l.accept]), mark, placement, format: where.format ?? placement,
      });
    }
    for (const d of item.decoys ?? []) decoys.push({ ...d, path: where.path, line: lineOf(where.content, [d.value]), mark });
  };

  const msg = (placement, svc) => rng.pick({
    normal: [`Add ${svc} config`, `Configure ${svc} for staging`, `${svc}: wire up provider`],
    fixture: [`Add recorded fixtures for ${svc}`, `Test: capture ${svc} responses`],
    ci: [`CI: deploy ${svc} on merge`, `Add pipeline for ${svc}`],
    minified: ['Build web assets', 'Commit production bundle'],
    notebook: ['Add analysis notebook', 'Notebook for quarterly review'],
  }[placement] ?? [`Update ${svc}`]);

  /** One planting: all its commits, in order. */
  const plant = (item, placement) => {
    const where = materialise(item, placement, rng.pick(SERVICES).name);
    // .properties and XML settings belong to the JVM service.
    const svc = where.svc;
    if (where.path) where.path = place(svc, where.path);
    const put = (branch, extra = {}) => h.commit(branch, { files: { [where.path]: where.content }, message: msg(placement, svc), ...extra });
    if (placement === 'message') {
      const c = fillerChange(rng, h.tree('main'));
      return record(item, where, h.commit('main', { files: c.files, message: where.message }), placement);
    }
    if (['normal', 'fixture', 'ci', 'minified', 'notebook'].includes(placement)) return record(item, where, put('main'), placement);
    if (placement === 'deleted' || placement === 'renamed') {
      record(item, where, put('main'), placement);
      return { later: placement === 'deleted'
        ? () => h.commit('main', { files: { [where.path]: null }, message: rng.pick(['Remove credentials from repo', 'Stop tracking local config', `Clean up ${svc} config`]) })
        : () => {
            const to = place(svc, where.path.replace(/^services\/[^/]+\//, '').replace(/([^/]+)$/, 'legacy/$1'));
            h.commit('main', { renames: [[where.path, to]], message: `Move old ${svc} config to legacy/` });
          } };
    }
    const name = `${placement === 'tag' ? 'release/hotfix' : 'feature'}-${++branchNo}`;
    h.branch(name);
    for (let i = rng.int(0, 2); i > 0; i--) filler(name);
    if (placement === 'merge') {
      filler(name);
      for (let i = rng.int(1, 3); i > 0; i--) filler('main');
      const mark = h.commit('main', { files: { [where.path]: where.content }, merge: name, message: `Merge branch '${name}'` });
      h.dropBranch(name);
      return record(item, where, mark, placement);
    }
    const mark = put(name);
    if (placement === 'tag') {
      h.tag(`v2.${branchNo}.1-hotfix`, mark, `Hotfix release ${branchNo}\n`);
      h.dropBranch(name);
    } else if (placement === 'dangling') {
      if (rng.chance(0.5)) filler(name);
      h.dropBranch(name);
    }
    return record(item, where, mark, placement);
  };

  const plantDecoy = (kind) => {
    const svc = rng.pick(SERVICES).name;
    const ev = decoyKinds[kind].gen(rng, svc, rng.pick(ENVS));
    const path = place(svc, ev.path);
    const mark = h.commit('main', { files: { [path]: ev.content }, message: rng.pick([`Add ${path.split('/').pop()}`, `Update ${svc} settings`, 'Housekeeping', `Docs and config for ${svc}`]) });
    for (const d of ev.decoys) decoys.push({ ...d, path, line: lineOf(ev.content, [d.value, ...(d.also ?? [])]), mark });
    return ev.decoys.length;
  };

  // Events in a seeded order: plantings, decoys and filler interleaved over the history.
  const events = [];
  for (const [kind, spec] of Object.entries(secretKinds)) {
    for (let i = 0; i < spec.count; i++) events.push({ type: 'secret', kind });
  }
  for (const [kind, spec] of Object.entries(decoyKinds)) events.push(...Array.from({ length: spec.count }, () => ({ type: 'decoy', kind })));
  for (let i = 0; i < FILLER_COMMITS; i++) events.push({ type: 'filler' });
  const order = rng.shuffle(events);

  h.commit('main', { files: skeleton(), message: 'Initial import of the paycraft platform\n' });
  for (let i = 0; i < 15; i++) filler('main');
  const pending = [];
  const decoyCount = Object.fromEntries(Object.keys(decoyKinds).map((k) => [k, 0]));
  for (let i = 0; i < order.length; i++) {
    const ev = order[i];
    if (ev.type === 'filler') filler('main');
    else if (ev.type === 'decoy') {
      // A generator may place several decoys at once; stop at the kind's count.
      if (decoyCount[ev.kind] < decoyKinds[ev.kind].count) decoyCount[ev.kind] += plantDecoy(ev.kind);
    } else {
      const item = secretKinds[ev.kind].gen(rng);
      const placement = weighted(rng, item.file ? FILE_PLACEMENTS : Object.keys(PLACEMENT_WEIGHTS));
      const after = plant(item, placement);
      if (after?.later) pending.push({ due: i + rng.int(3, 40), run: after.later });
    }
    for (const p of pending.filter((x) => x.due <= i)) {
      p.run();
      pending.splice(pending.indexOf(p), 1);
    }
  }
  for (const p of pending) p.run();

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const gitDir = join(outDir, 'repo.git');
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  const marks = h.importInto(gitDir, env);
  const labels = {
    version: 1,
    generator,
    seed,
    commits: h.commits,
    planted: planted.map((s, i) => ({
      id: `s${String(i + 1).padStart(3, '0')}`, kind: s.kind, secretSha256: sha256(s.value),
      acceptSha256: [...new Set(s.accept.map(sha256))], relatedSha256: s.related.map(sha256),
      path: s.path, line: s.line, commit: marks.get(s.mark), placement: s.placement, format: s.format,
    })),
    decoys: decoys.map((d, i) => ({
      id: `d${String(i + 1).padStart(3, '0')}`, kind: d.kind, sha256: sha256(d.value), alsoSha256: (d.also ?? []).map(sha256),
      path: d.path, line: d.line, commit: marks.get(d.mark),
    })),
  };
  writeFileSync(join(outDir, 'labels.json'), JSON.stringify(labels, null, 2) + '\n');
  return { gitDir, labels };
}
