// Proves the real-code benchmark's candidate shapes catch credential-looking lines in the
// usual forms and pass over code and prose, and that sampling is deterministic and capped.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';

interface Line { path: string; line: number; text: string; reasons: string[] }
interface CandidatesModule {
  candidateReasons(line: string, path?: string): string[];
  samplePackage(pkg: string, lines: Line[], caps?: { perFile?: number; perPackage?: number; perPackageWeak?: number; perPackageFound?: number }): Line[];
  escapeTsv(s: string): string;
  truncate(s: string, max?: number): string;
}

const load = async (): Promise<CandidatesModule> => (await import(new URL('../../../scripts/bench/real-candidates.mjs', import.meta.url).href)) as CandidatesModule;
const word = () => randomBytes(6).toString('hex');

describe('candidateReasons', () => {
  it('finds assignments, URLs with a password, PEM headers, hashes and CLI flags', async () => {
    const m = await load();
    const pw = word();
    expect(m.candidateReasons(`  connect(user='app', password='${pw}')`, 'db.py')).toContain('kv-quoted');
    expect(m.candidateReasons(`DB_PASSWORD=${pw}`, '.env')).toContain('kv-bare');
    expect(m.candidateReasons(`const userPassword = "${pw}";`, 'a.js')).toContain('kv-quoted');
    expect(m.candidateReasons(`url: ${['postgres://app', `${pw}@db.local/x`].join(':')}`, 'c.yml')).toContain('url-creds');
    expect(m.candidateReasons(`"${['-----BEGIN', 'RSA PRIVATE KEY-----'].join(' ')}"`, 'k.json')).toEqual(['pem']);
    expect(m.candidateReasons(`admin:${['$2b', '10', 'a'.repeat(22) + pw].join('$')}`, 'htpasswd')).toContain('crypt-hash');
    expect(m.candidateReasons(`mysql -u root -p${pw} app`, 'README.md')).toContain('cli-flag');
    expect(m.candidateReasons(`Server=db;Password=${pw};`, 'x.config')).toContain('conn-kv');
  });

  it('keeps a name assigned from code only as a weak candidate, and ignores look-alike words', async () => {
    const m = await load();
    expect(m.candidateReasons('    this.password = options.password;', 'lib/a.js')).toEqual(['kv-code']);
    expect(m.candidateReasons('  "author": "Jane Doe <jane@example.com>",', 'package.json')).toEqual([]);
    expect(m.candidateReasons('const tokenizer = createTokenizer(src);', 'a.js')).toEqual([]);
    expect(m.candidateReasons('// result_exponent = -precision', 'a.js')).toEqual([]);
    expect(m.candidateReasons('Basic authentication can be set as follows:', 'README.md')).toEqual([]);
  });
});

describe('samplePackage', () => {
  const lines: Line[] = Array.from({ length: 50 }, (_, i) => ({ path: `f${i % 3}.js`, line: i + 1, text: `x${i}`, reasons: i % 10 === 0 ? ['leakwatch'] : i % 2 ? ['kv-code'] : ['kv-quoted'] }));

  it('is deterministic, capped per file and package, keeps leakwatch lines and limits weak ones', async () => {
    const m = await load();
    const a = m.samplePackage('p@1', lines, { perFile: 6, perPackage: 15, perPackageWeak: 2 });
    expect(m.samplePackage('p@1', [...lines].reverse(), { perFile: 6, perPackage: 15, perPackageWeak: 2 })).toEqual(a);
    expect(a.filter((l) => l.reasons.includes('leakwatch'))).toHaveLength(5);
    expect(a.filter((l) => l.reasons[0] === 'kv-code').length).toBeLessThanOrEqual(2);
    for (const f of ['f0.js', 'f1.js', 'f2.js']) expect(a.filter((l) => l.path === f && !l.reasons.includes('leakwatch')).length).toBeLessThanOrEqual(6);
    expect(a.length).toBeLessThanOrEqual(15);
  });

  it('keeps the first of lines with the same text', async () => {
    const m = await load();
    const dup = [{ path: 'b.js', line: 1, text: ' same ', reasons: ['kv-quoted'] }, { path: 'a.js', line: 9, text: 'same', reasons: ['kv-quoted'] }];
    expect(m.samplePackage('p@1', dup).map((l) => l.path)).toEqual(['a.js']);
  });

  it('with perPackageFound, leaves room for lines leakwatch did not report', async () => {
    const m = await load();
    const many: Line[] = Array.from({ length: 40 }, (_, i) => ({ path: `f${i % 4}.py`, line: i + 1, text: `y${i}`, reasons: i < 30 ? ['leakwatch'] : ['kv-quoted'] }));
    const all = m.samplePackage('q@1', many, { perFile: 20, perPackage: 20 });
    expect(all.every((l) => l.reasons.includes('leakwatch'))).toBe(true);
    const fair = m.samplePackage('q@1', many, { perFile: 20, perPackage: 20, perPackageFound: 8 });
    expect(fair).toHaveLength(20);
    expect(fair.filter((l) => l.reasons.includes('leakwatch'))).toHaveLength(10);
    expect(fair.filter((l) => !l.reasons.includes('leakwatch'))).toHaveLength(10);
    // The first 8 found lines are the same ones the uncapped sample starts with.
    const key = (l: Line) => `${l.path}:${l.line}`;
    const firstFound = m.samplePackage('q@1', many, { perFile: 20, perPackage: 8 }).map(key);
    expect(firstFound.every((k) => fair.map(key).includes(k))).toBe(true);
  });
});

describe('TSV cells', () => {
  it('escapes tabs, newlines and backslashes and marks cut lines', async () => {
    const m = await load();
    expect(m.escapeTsv('a\tb\nc\\d\r')).toBe('a\\tb\\nc\\\\d\\r');
    expect(m.truncate('x'.repeat(405), 400)).toBe(`${'x'.repeat(400)}…[+5 chars]`);
    expect(m.truncate('short')).toBe('short');
  });
});
