import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkRuleExamples } from '../../src/detect/check-rule-examples.js';
import { EXAMPLE_VARIABLES } from '../../src/detect/example-variables.js';
import { expandExample } from '../../src/detect/expand-example.js';
import { loadRules } from '../../src/detect/load-rules.js';
import { Matcher } from '../../src/detect/matcher.js';
import { WasmKeywordScanner } from '../../src/detect/wasm-keyword-scanner.js';

const ruleset = loadRules([], { variables: EXAMPLE_VARIABLES });
const keywords = [...new Set(ruleset.rules.flatMap((r) => r.keywords))];

function bruteForce(text: string): string[] {
  const lower = text.toLowerCase();
  const hits: string[] = [];
  for (const k of keywords) for (let i = lower.indexOf(k); i >= 0; i = lower.indexOf(k, i + 1)) hits.push(`${i}:${k}`);
  return hits.sort();
}

/** The scanner's hits as `offset:keyword`, in the order it gives them. */
function hitsOf(scanner: WasmKeywordScanner, words: string[], text: string | Buffer): string[] {
  const hits = scanner.scan(typeof text === 'string' ? Buffer.from(text, 'latin1') : text);
  const out: string[] = [];
  for (let h = 0; h < hits.length; h += 2) out.push(`${hits[h]}:${words[hits[h + 1]!]}`);
  return out;
}

const offsetOf = (hit: string): number => Number(hit.slice(0, hit.indexOf(':')));

describe('WebAssembly keyword prefilter', () => {
  const scanner = WasmKeywordScanner.create(keywords);

  it('is built (npm run build compiles it) and used', () => {
    expect(scanner).not.toBeNull();
  });

  it('finds exactly the keyword occurrences a brute-force search finds, any case, in order', () => {
    const pieces: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const k = keywords[i % keywords.length]!;
      pieces.push(i % 3 === 0 ? k.toUpperCase() : k, randomBytes(1 + (i % 7)).toString('latin1'));
    }
    const text = pieces.join('');
    const hits = hitsOf(scanner!, keywords, text);
    const offsets = hits.map(offsetOf);
    expect([...new Set(hits)].sort()).toEqual(bruteForce(text));
    // Callers build regions from hits in order of their start.
    expect(offsets.every((o, i) => i === 0 || o >= offsets[i - 1]!)).toBe(true);
  });

  it('finds the same occurrences in windows, keywords across window edges included, in order', () => {
    const pieces: string[] = [];
    for (let i = 0; i < 2000; i++) pieces.push(keywords[(i * 7) % keywords.length]!, randomBytes(i % 5).toString('latin1'));
    const text = pieces.join('');
    // 61 bytes: most keywords straddle some window edge, at every offset within them.
    const windowed = WasmKeywordScanner.create(keywords, 61)!;
    const hits = hitsOf(windowed, keywords, text);
    const offsets = hits.map(offsetOf);
    expect([...new Set(hits)].sort()).toEqual(bruteForce(text));
    expect(offsets.every((o, i) => i === 0 || o >= offsets[i - 1]!)).toBe(true);
  });

  it('keeps its WebAssembly memory at one window, whatever the size of the texts it has read', () => {
    const own = WasmKeywordScanner.create(keywords)!;
    own.scan(Buffer.alloc(4 * 1024 * 1024, 'a'));
    const afterOneWindow = own.memoryBytes;
    own.scan(Buffer.alloc(20 * 1024 * 1024, 'a'));
    expect(own.memoryBytes).toBe(afterOneWindow);
  });

  it('finds keywords that end the input, and not bytes the fast fold merges with theirs', () => {
    const words = ['pk_', 'glrt-', ':*:', 'token'];
    const own = WasmKeywordScanner.create(words)!;
    const seen = (text: string): string[] => hitsOf(own, words, text);
    expect(seen('x=TOKEN')).toEqual(['2:token']);
    expect(seen('pk_')).toEqual(['0:pk_']);
    expect(seen('a:*:')).toEqual(['1::*:']);
    // 0x7f, CR and LF share their low five bits with "_", "-" and "*".
    expect(seen('pk\x7f glrt\r :\n: toke')).toEqual([]);
  });

  it('reports whole keywords only, each keyword sharing the first four bytes found on its own', () => {
    const words = ['consumer_key', 'consumerkey', 'cons', 'mandrill', 'key', 'pk_'];
    const own = WasmKeywordScanner.create(words)!;
    const seen = (text: string): string[] => hitsOf(own, words, text);
    // Code full of the first four bytes ("const", "command") gives no hit of the longer keywords.
    expect(seen('const command = consume(mandate);')).toEqual(['0:cons', '16:cons']);
    // At one offset, in the order the keywords were given.
    expect(seen('CONSUMER_KEY=1 consumerKey')).toEqual(['0:consumer_key', '0:cons', '9:key', '15:consumerkey', '15:cons', '23:key']);
    // A keyword cut by the end of the text is no hit.
    expect(seen('consumer_ke')).toEqual(['0:cons']);
    expect(seen('mandril')).toEqual([]);
  });

  it('keeps every hit past its hit buffer when several keywords start at one offset', () => {
    const words = ['token', 'token(', 'tok'];
    const own = WasmKeywordScanner.create(words)!;
    const hits = hitsOf(own, words, 'token( '.repeat(30_000));
    expect(hits.length).toBe(90_000);
    // Every offset's three keywords, none twice, none left out at a call's edge.
    expect(new Set(hits).size).toBe(90_000);
    const offsets = hits.map(offsetOf);
    expect(offsets.every((o, i) => i === 0 || o >= offsets[i - 1]!)).toBe(true);
  });

  it('gives a small text only its own hits after a text whose hits filled several calls and windows', () => {
    const words = ['token', 'secret'];
    const own = WasmKeywordScanner.create(words, 1000)!;
    expect(hitsOf(own, words, 'token '.repeat(40_000)).length).toBe(40_000);
    expect(hitsOf(own, words, 'x secret')).toEqual(['2:secret']);
    expect(hitsOf(own, words, Buffer.alloc(0))).toEqual([]);
    // A text of several windows: offsets count from the text's start.
    expect(hitsOf(own, words, `${'a'.repeat(2500)}SECRET`)).toEqual(['2500:secret']);
  });

  it('leaves keywords shorter than three bytes to the regex prefilter', () => {
    expect(WasmKeywordScanner.create(['q~', 'token'])).toBeNull();
  });

  it('keeps finding keywords past its hit buffer (more hits than fit in one call)', () => {
    const text = 'token '.repeat(50_000);
    const count = hitsOf(scanner!, keywords, text).filter((h) => h.endsWith(':token')).length;
    expect(count).toBe(50_000);
  });

  it('gives the same matches as the regex prefilter on every rule example', () => {
    const matcher = new Matcher(ruleset);
    for (const rule of ruleset.rules) {
      for (const example of [...rule.examples.positive, ...rule.examples.negative]) {
        const text = expandExample(example);
        const viaBytes = matcher.matchBytesWithin(Buffer.from(text, 'latin1'), null, Infinity).matches;
        const viaText = matcher.match(text);
        expect(viaBytes.map((m) => `${m.ruleId}@${m.start}`).sort()).toEqual(viaText.map((m) => `${m.ruleId}@${m.start}`).sort());
      }
    }
    expect(checkRuleExamples(ruleset)).toEqual([]);
  });
});
