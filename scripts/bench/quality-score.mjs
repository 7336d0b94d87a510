// Matches a scan report's findings to the corpus labels by secretSha256 and computes recall,
// precision and F1, overall and per kind, rule and placement. Findings of sensitive-data rules
// (environment intelligence, not credentials) and findings of a planted secret's non-secret
// part (an AWS key id next to its secret) are neutral: neither true nor false positives.

const ratio = (a, b) => (b === 0 ? null : a / b);
const f1 = (p, r) => (p === null || r === null || p + r === 0 ? null : (2 * p * r) / (p + r));

function locationsOf(f) {
  const locs = [{ path: f.path, line: f.line }, ...(f.locations ?? [])];
  return locs.filter((l) => l.path);
}

export function score(labels, report, { neutralRules = new Set() } = {}) {
  const plantedByHash = new Map();
  for (const s of labels.planted) {
    for (const h of [s.secretSha256, ...s.acceptSha256]) {
      if (!plantedByHash.has(h)) plantedByHash.set(h, []);
      plantedByHash.get(h).push(s);
    }
  }
  const related = new Set(labels.planted.flatMap((s) => s.relatedSha256));
  const decoyByHash = new Map();
  const decoyByLine = new Map();
  for (const d of labels.decoys) {
    for (const h of [d.sha256, ...d.alsoSha256]) decoyByHash.set(h, d);
    decoyByLine.set(`${d.path}:${d.line}`, d);
  }
  const plantedByLine = new Map();
  for (const s of labels.planted) if (s.path && !plantedByLine.has(`${s.path}:${s.line}`)) plantedByLine.set(`${s.path}:${s.line}`, s);

  const found = new Map();
  const rules = new Map();
  const rule = (id) => rules.get(id) ?? rules.set(id, { ruleId: id, tp: 0, fp: 0, kinds: new Map(), decoyKinds: new Map() }).get(id);
  const falsePositives = [];
  let tp = 0;
  let neutral = 0;
  let relatedHits = 0;
  for (const f of report.findings ?? []) {
    if (neutralRules.has(f.ruleId)) {
      neutral++;
      continue;
    }
    const hits = plantedByHash.get(f.secretSha256);
    if (hits) {
      tp++;
      const r = rule(f.ruleId);
      r.tp++;
      for (const s of hits) {
        if (!found.has(s.id)) found.set(s.id, []);
        found.get(s.id).push(f);
        r.kinds.set(s.kind, (r.kinds.get(s.kind) ?? 0) + 1);
      }
      continue;
    }
    if (related.has(f.secretSha256)) {
      relatedHits++;
      continue;
    }
    const r = rule(f.ruleId);
    r.fp++;
    const locs = locationsOf(f);
    const decoy = decoyByHash.get(f.secretSha256) ?? locs.map((l) => decoyByLine.get(`${l.path}:${l.line}`)).find(Boolean);
    const near = decoy ? null : locs.map((l) => plantedByLine.get(`${l.path}:${l.line}`)).find(Boolean);
    const what = decoy ? decoy.kind : near ? `wrong span of planted ${near.kind}` : 'unlabelled';
    r.decoyKinds.set(what, (r.decoyKinds.get(what) ?? 0) + 1);
    falsePositives.push({ ruleId: f.ruleId, decoyKind: what, decoyId: decoy?.id ?? null, path: f.path ?? null, line: f.line ?? null, redacted: f.redacted ?? null });
  }
  const fp = falsePositives.length;

  // A rule's false positives count against the planted kind it finds most often.
  const fpByKind = new Map();
  for (const r of rules.values()) {
    if (r.fp === 0) continue;
    const top = [...r.kinds.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '(no planted kind)';
    fpByKind.set(top, (fpByKind.get(top) ?? 0) + r.fp);
  }

  const perKind = new Map();
  for (const s of labels.planted) {
    const k = perKind.get(s.kind) ?? perKind.set(s.kind, { kind: s.kind, planted: 0, found: 0, tp: 0, fp: 0, rules: new Set() }).get(s.kind);
    k.planted++;
    const fs = found.get(s.id);
    if (fs) {
      k.found++;
      for (const f of fs) k.rules.add(f.ruleId);
    }
  }
  for (const r of rules.values()) for (const [kind, n] of r.kinds) perKind.get(kind).tp += n;
  for (const [kind, n] of fpByKind) if (perKind.has(kind)) perKind.get(kind).fp += n;
  const kinds = [...perKind.values()].map((k) => {
    const recall = ratio(k.found, k.planted);
    const precision = ratio(k.tp, k.tp + k.fp);
    return { kind: k.kind, planted: k.planted, found: k.found, recall, tp: k.tp, fp: k.fp, precision, f1: f1(precision, recall), rules: [...k.rules].sort() };
  }).sort((a, b) => a.kind.localeCompare(b.kind));

  const byPlacement = {};
  for (const s of labels.planted) {
    const b = (byPlacement[s.placement] ??= { planted: 0, found: 0 });
    b.planted++;
    if (found.has(s.id)) b.found++;
  }
  const decoysFlagged = {};
  for (const d of labels.decoys) decoysFlagged[d.kind] ??= { decoys: 0, flagged: 0 };
  for (const d of labels.decoys) decoysFlagged[d.kind].decoys++;
  for (const id of new Set(falsePositives.map((x) => x.decoyId).filter(Boolean))) decoysFlagged[labels.decoys.find((d) => d.id === id).kind].flagged++;

  let attributed = 0;
  for (const s of labels.planted) {
    const fs = found.get(s.id);
    if (fs?.some((f) => f.commit === s.commit && (f.path ?? null) === s.path)) attributed++;
  }

  const recall = ratio(found.size, labels.planted.length);
  const precision = ratio(tp, tp + fp);
  const missed = labels.planted.filter((s) => !found.has(s.id)).map((s) => ({ id: s.id, kind: s.kind, placement: s.placement, format: s.format, path: s.path, line: s.line }));
  return {
    overall: { planted: labels.planted.length, found: found.size, recall, tpFindings: tp, fpFindings: fp, precision, f1: f1(precision, recall), neutralFindings: neutral, relatedFindings: relatedHits, attributedToFirstCommit: attributed },
    perKind: kinds,
    perRule: [...rules.values()].map((r) => ({ ruleId: r.ruleId, tp: r.tp, fp: r.fp, falsePositiveKinds: Object.fromEntries(r.decoyKinds) })).sort((a, b) => b.fp - a.fp || a.ruleId.localeCompare(b.ruleId)),
    perPlacement: byPlacement,
    decoys: decoysFlagged,
    missed,
    missedKinds: kinds.filter((k) => k.found < k.planted).map((k) => k.kind),
    falsePositives,
  };
}
