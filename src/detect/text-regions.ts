/**
 * Regions of a text that its own syntax marks as documentation or as tests, whatever the file's
 * path says: Perl's POD (`=head1 NAME` … `=cut`, or on to the end after `__END__`) and Ruby's
 * `=begin` … `=end` are documentation, whose synopses assign made-up values to credential names
 * (`salt => "sodium__chloride"`, `password => "s00p3r"`); a Rust module under `#[cfg(test)]`, and
 * a function under `#[test]`, is a test inside a source file, as Rust keeps unit tests
 * (`let key = "2b7e1516…"`, a cipher's published test vector). The matcher reads a match in such a region as the path table reads a
 * docs or test path (finding-confidence.ts). Found once per text, and only when a match needs it.
 */
import type { Source } from './source.js';

export type TextRegion = 'docs' | 'test';

/** A POD or `=begin` directive: `=` and a word at the start of a line. */
const DIRECTIVE = /^=([a-zA-Z]\w*)/gm;
/** Perl's end of code: what follows is data or POD, and POD there needs no `=cut`. */
const END_OF_CODE = /^__(?:END|DATA)__[ \t\r]*$/m;
/** Perl's own POD commands: a block they open runs to the end of the file without `=cut`. */
const POD_COMMAND = /^(?:pod|head[1-6]|over|item|encoding|for)$/;
/**
 * `#[cfg(test)]` and a module's opening brace, or `#[test]` (`#[tokio::test]`) and a function's,
 * perhaps with more attributes between; the indent is kept.
 */
const RUST_TEST_MODULE =
  /^([ \t]*)#\[(?:cfg\(test\)\][ \t\r]*\n(?:[ \t]*#\[[^\n]{0,200}\n){0,5}[ \t]*(?:pub(?:\([\w ]{1,20}\))?[ \t]+)?mod[ \t]+[A-Za-z_]\w*[ \t]*\{|(?:[a-z_]{1,20}::)?test(?:\([^\n]{0,100}\))?\][ \t\r]*\n(?:[ \t]*#\[[^\n]{0,200}\n){0,5}[ \t]*(?:pub(?:\([\w ]{1,20}\))?[ \t]+)?(?:async[ \t]+)?fn[ \t]+[A-Za-z_]\w*[^\n{;]{0,200}\{)/gm;

export class TextRegions {
  private readonly spans: Array<[number, number, TextRegion]> = [];

  constructor(text: Source) {
    const pod = text.includes('\n=') || text.slice(0, 1) === '=';
    const rust = text.includes('#[cfg(test)]') || text.includes('test]');
    if (!pod && !rust) return;
    const whole = text.slice(0, text.length);
    if (pod) this.findPod(whole);
    if (rust) this.findRustTests(whole);
  }

  /** What the region holding offset `at` is, if any. */
  at(at: number): TextRegion | null {
    for (const [start, end, region] of this.spans) if (at >= start && at < end) return region;
    return null;
  }

  private findPod(text: string): void {
    const endOfCode = END_OF_CODE.exec(text)?.index ?? Infinity;
    let open = -1;
    let ruby = false;
    let command = false;
    DIRECTIVE.lastIndex = 0;
    for (let m = DIRECTIVE.exec(text); m !== null; m = DIRECTIVE.exec(text)) {
      const word = m[1]!;
      if (open < 0) {
        if (word === 'cut' || word === 'end') continue;
        open = m.index;
        ruby = word === 'begin';
        command = POD_COMMAND.test(word);
      } else if (word === 'cut' || (ruby && word === 'end')) {
        this.spans.push([open, m.index + m[0].length, 'docs']);
        open = -1;
      }
    }
    // POD left open runs to the end: when Perl's own command opened it, or after `__END__` (a
    // stray `=word` line elsewhere is no documentation).
    if (open >= 0 && !ruby && (command || open > endOfCode)) this.spans.push([open, text.length, 'docs']);
  }

  private findRustTests(text: string): void {
    RUST_TEST_MODULE.lastIndex = 0;
    for (let m = RUST_TEST_MODULE.exec(text); m !== null; m = RUST_TEST_MODULE.exec(text)) {
      // The module ends at a `}` alone on a line at the indent of its attribute (as rustfmt writes it).
      const close = new RegExp(`\\n${m[1]!}\\}[ \\t\\r]*(?:\\n|$)`, 'g');
      close.lastIndex = m.index + m[0].length;
      const end = close.exec(text);
      this.spans.push([m.index, end === null ? text.length : end.index + end[0].length, 'test']);
      RUST_TEST_MODULE.lastIndex = Math.max(RUST_TEST_MODULE.lastIndex, end === null ? text.length : end.index + 1);
    }
  }
}
