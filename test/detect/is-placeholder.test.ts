import { describe, expect, it } from 'vitest';
import { expandExample } from '../../src/detect/expand-example.js';
import { isPlaceholder } from '../../src/detect/is-placeholder.js';

describe('isPlaceholder', () => {
  it('treats a property access chain as code', () => {
    expect(isPlaceholder('settings.database.password')).toBe(true);
  });

  it('does not treat a JWT (dot-separated, long segments) as a property access chain', () => {
    const jwt = expandExample('{{jwt}}').replace(/-/g, 'A');
    expect(jwt.split('.')).toHaveLength(3);
    expect(isPlaceholder(jwt)).toBe(false);
  });
});
