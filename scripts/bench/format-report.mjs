// Turns the benchmark figures into verdicts against the targets of issue 2 and a compact text
// table. MB are 10^6 bytes throughout (blob content and resident memory alike).

const MB = 1e6;

/** The targets, each `{ id, label, value, limit, op, target, pass }`; a `null` value has pass `null`. */
export function evaluateTargets(f) {
  const targets = [
    { id: 'ratio-floor-a', label: 'full scan / floor A', value: f.ratios.floorA, limit: 2.0, op: '<=', target: '<= 2.0' },
    { id: 'ratio-floor-b', label: 'full scan / floor B', value: f.ratios.floorB, limit: 1.0, op: '<', target: '< 1.0' },
    { id: 'rerun', label: 'rerun, unchanged repository', value: f.rerun.seconds, limit: 0.3, op: '<', unit: ' s', target: '< 0.3 s' },
    { id: 'hostile-regex', label: 'scan with a hostile user regex', value: f.hostileRegex?.seconds ?? null, limit: 5, op: '<', unit: ' s', target: '< 5 s' },
    { id: 'peak-rss', label: 'peak RSS of the scan', value: f.scan.peakRssMb, limit: 300, op: '<', unit: ' MB', digits: 0, target: '< 300 MB' },
  ];
  return targets.map((t) => ({ ...t, pass: t.value === null ? null : t.op === '<' ? t.value < t.limit : t.value <= t.limit }));
}

const fmt = (n, digits = 2) => (n === null || n === undefined ? 'n/a' : n.toFixed(digits));
const rate = (bytes, seconds) => `${fmt(bytes / MB / seconds, 1)} MB/s`;

/** The human table printed by `npm run bench`. */
export function formatTable(f) {
  const c = f.corpus;
  const rows = [
    ['floor A: git cat-file --batch-all-objects --batch', `${fmt(f.floorA.seconds)} s`, rate(c.blobBytes, f.floorA.seconds), '', ''],
    ['  (info) same with --unordered', `${fmt(f.floorAUnordered.seconds)} s`, rate(c.blobBytes, f.floorAUnordered.seconds), '', ''],
    ['floor B: git log -p -U0 --all --full-history', `${fmt(f.floorB.seconds)} s`, '', '', ''],
    ['  (info) CLI start-up: <command> --version', `${fmt(f.startup.seconds)} s`, '', '', ''],
    ['full scan (wall clock, fresh state)', `${fmt(f.scan.seconds)} s`, `${fmt(f.scan.mbPerSecond, 1)} MB/s`, '', ''],
  ];
  for (const t of f.targets) {
    rows.push([t.label, `${fmt(t.value, t.digits)}${t.unit ?? ''}`, '', t.target, t.pass === null ? 'n/a' : t.pass ? 'PASS' : 'FAIL']);
  }
  if (f.hostileRegex) rows.push(['  (info) hostile regex outcome', f.hostileRegex.outcome, '', '', '']);
  rows.push(['planted secrets found', `${f.planted.found}/${f.planted.total}`, f.planted.missing.join(', '), '', '']);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length)));
  const header = `leakwatch scan benchmark: ${c.spec} corpus, ${c.commits} commits, ${c.blobs} blobs, ` +
    `${fmt(c.blobBytes / MB, 1)} MB of blobs; median of ${f.runs} runs; scanner reported ` +
    `${f.scan.stats.blobs ?? '?'} blobs, ${fmt((f.scan.stats.bytes ?? 0) / MB, 1)} MB`;
  const lines = rows.map((r) => r.map((cell, i) => (i < 4 ? cell.padEnd(widths[i]) : cell)).join('  ').trimEnd());
  const m = f.machine;
  const machine = `machine: ${m.cpus} CPUs, load average ${m.loadAverageAtStart} at start, node ${m.node}; command: ${f.command}`;
  return [header, machine, ...lines].join('\n');
}
