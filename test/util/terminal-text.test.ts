import { describe, expect, it } from 'vitest';
import { escapeField, escapeText } from '../../src/util/terminal-text.js';

describe('terminal text', () => {
  it('escapes ESC, OSC, CR, C1 and bidi overrides in a field, newlines included', () => {
    expect(escapeField('a\x1b[2Ab\x1b]0;title\x07c\rd\ne\u009bf\u202eg')).toBe('a\\x1b[2Ab\\x1b]0;title\\x07c\\rd\\ne\\x9bf\\u202eg');
  });

  it('keeps the newlines of a block and escapes the rest', () => {
    expect(escapeText('one\ntwo\r\x1b[1A')).toBe('one\ntwo\\r\\x1b[1A');
  });

  it('leaves ordinary text, accents and emoji alone', () => {
    expect(escapeField('src/café/naïve 😀.ts')).toBe('src/café/naïve 😀.ts');
  });
});
