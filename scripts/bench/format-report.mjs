// Turns the benchmark figures into verdicts against the targets of issues 2 and 14 and a
// compact text table. MB are 10^6 bytes throughout (blob content and resident memory alike).

const MB = 1e6;

function verdicts(targets) {
  return targets.map((t) => ({ ...t, pass: t.value === null ? null : t.op === '<' ? t.value < t.limit : t.op === '>=' ? t.value >= t.limit : t.value <= t.limit }));
}

/** The targets of one corpus, each `{ id, label, value, limit, op, target, pass }`; a `null` value has pass `null`. */
export function evaluateCorpusTargets(f) {
  return verdicts([
    { id: 'ratio-floor-b', label: 'full scan / floor B (git log -p)', value: f.ratios.floorB, limit: 0.6, op: '<', target: '< 0.6' },
    { id: 'ratio-floor-a-unordered', label: 'full scan / floor A --unordered', value: f.ratios.floorAUnordered, limit: 2.0, op: '<=', target: '<= 2.0' },
    { id: 'ratio-floor-a', label: 'full scan / floor A (object-id order)', value: f.ratios.floorA, limit: 2.0, op: '<=', target: '<= 2.0' },
    { id: 'rerun', label: 'rerun, unchanged repository', value: f.rerun.seconds, limit: 0.15, op: '<=', unit: ' s', target: '<= 0.15 s' },
    { id: 'peak-rss', label: 'peak RSS of the scan', value: f.scan.peakRssMb, limit: 300, op: '<', unit: ' MB', digits: 0, target: '< 300 MB' },
  ]);
}

/** The targets measured once per run: start-up, the plain directory, the hostile rule. */
export function evaluateSharedTargets(f) {
  return verdicts([
    { id: 'startup', label: 'CLI start-up: <command> --version', value: f.startup.seconds, limit: 0.15, op: '<=', unit: ' s', target: '<= 0.15 s' },
    { id: 'directory', label: 'plain-directory scan', value: f.directory.mbPerSecond, limit: 150, op: '>=', unit: ' MB/s', digits: 1, target: '>= 150 MB/s' },
    { id: 'directory-rss', label: 'peak RSS of the directory scan', value: f.directory.peakRssMb, limit: 300, op: '<', unit: ' MB', digits: 0, target: '< 300 MB' },
    { id: 'hostile-regex', label: 'scan with a hostile user regex', value: f.hostileRegex?.seconds ?? null, limit: 5, op: '<', unit: ' s', target: '< 5 s' },
  ]);
}

const fmt = (n, digits = 2) => (n === null || n === undefined ? 'n/a' : n.toFixed(digits));
const rate = (bytes, seconds) => `${fmt(bytes / MB / seconds, 1)} MB/s`;
const verdictRow = (t) => [`  ${t.label}`, `${fmt(t.value, t.digits)}${t.unit ?? ''}`, '', t.target, t.pass === null ? 'n/a' : t.pass ? 'PASS' : 'FAIL'];

function corpusRows(c) {
  const m = c.corpus;
  return [
    [`${m.spec} corpus: ${m.commits} commits, ${m.blobs} blobs, ${fmt(m.blobBytes / MB, 1)} MB of blobs; scanner reported ` +
      `${c.scan.stats.blobs ?? '?'} blobs, ${fmt((c.scan.stats.bytes ?? 0) / MB, 1)} MB`, '', '', '', ''],
    ['  floor A: git cat-file --batch-all-objects --batch', `${fmt(c.floorA.seconds)} s`, rate(m.blobBytes, c.floorA.seconds), '', ''],
    ['  floor A --unordered (the order leakwatch reads in)', `${fmt(c.floorAUnordered.seconds)} s`, rate(m.blobBytes, c.floorAUnordered.seconds), '', ''],
    ['  floor B: git log -p -U0 --all --full-history', `${fmt(c.floorB.seconds)} s`, '', '', ''],
    ['  full scan (wall clock, fresh state)', `${fmt(c.scan.seconds)} s`, `${fmt(c.scan.mbPerSecond, 1)} MB/s`, '', ''],
    ...c.targets.map(verdictRow),
    ['  (info) peak RSS: largest process / sum over the tree', `${fmt(c.scan.peakProcessRssMb, 0)} / ${fmt(c.scan.peakTreeRssMb, 0)} MB`, '', '', ''],
    ['  planted secrets found', `${c.planted.found}/${c.planted.total}`, c.planted.missing.join(', '), '', ''],
  ];
}

/** The human table printed by `npm run bench`. */
export function formatTable(f) {
  const d = f.directory;
  const rows = [...f.corpora.flatMap(corpusRows)];
  // --large-only measures one corpus and nothing once per run.
  if (d) {
    rows.push(
      ['once per run', '', '', '', ''],
      ['  (info) node -e 0', `${fmt(f.startup.nodeSeconds)} s`, '', '', ''],
      [`  plain directory: ${d.files} files, ${fmt(d.bytes / MB, 1)} MB (wall clock, start-up included)`, `${fmt(d.seconds)} s`, `${fmt(d.mbPerSecond, 1)} MB/s`, '', ''],
      ['  (info) its scan phase, start-up excluded (report stats.durationMs)', `${fmt(d.scanPhaseSeconds)} s`, `${fmt(d.scanPhaseMbPerSecond, 1)} MB/s`, '', ''],
      ['  (info) its CPU time, user + system, all threads', `${fmt(d.cpuSeconds)} s`, `${fmt(d.cpuMbPerSecond, 1)} MB/s`, '', ''],
      ...f.targets.map(verdictRow),
    );
  }
  if (f.hostileRegex) rows.push(['  (info) hostile regex outcome', f.hostileRegex.outcome, '', '', '']);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.filter((r) => r[1] !== '').map((r) => r[i].length)));
  const lines = rows.map((r) => (r[1] === '' ? r[0] : r.map((cell, i) => (i < 4 ? cell.padEnd(widths[i]) : cell)).join('  ').trimEnd()));
  const m = f.machine;
  const header = `leakwatch scan benchmark: median of ${f.runs} runs; command: ${f.command}`;
  const machine = `machine: ${m.cpus} CPUs, load average ${m.loadAverageAtStart} at start and ${m.loadAverageAtEnd} at end, node ${m.node}`;
  return [header, machine, ...lines].join('\n');
}
