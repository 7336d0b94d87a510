import { describe, expect, it } from 'vitest';
import { isMnemonicPhrase } from '../../../src/detect/validators/mnemonic.js';

const twelve = ['candy', 'maple', 'cake', 'sugar', 'pudding', 'cream', 'honey', 'rich', 'smooth', 'crumble', 'sweet', 'treat'];

describe('isMnemonicPhrase', () => {
  it('takes 12 or 24 mostly different lower-case words', () => {
    expect(isMnemonicPhrase(twelve.join(' '))).toBe(true);
    expect(isMnemonicPhrase([...twelve, ...twelve.map((w) => `${w.slice(0, 3)}ly`)].join(' '))).toBe(true);
  });
  it('refuses other counts, repeats, capitals and long words', () => {
    expect(isMnemonicPhrase(twelve.slice(0, 11).join(' '))).toBe(false);
    expect(isMnemonicPhrase(`${Array(11).fill('test').join(' ')} junk`)).toBe(false);
    expect(isMnemonicPhrase(twelve.map((w, i) => (i === 0 ? w.toUpperCase() : w)).join(' '))).toBe(false);
    expect(isMnemonicPhrase([...twelve.slice(0, 11), 'extraordinary'].join(' '))).toBe(false);
  });
});
