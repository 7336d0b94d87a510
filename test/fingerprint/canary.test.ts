import { describe, expect, it } from 'vitest';
import { createCanaryMarker, findCanaryMarkers, isCanaryMarkerFor } from '../../src/fingerprint/canary.js';

const salt = 's'.repeat(24);

describe('canary markers', () => {
  it('derives a stable marker per repository and salt', () => {
    const a = createCanaryMarker('team/app', salt);
    expect(a).toMatch(/^lwcanary-[a-z2-7]{26}$/);
    expect(createCanaryMarker('team/app', salt)).toBe(a);
    expect(createCanaryMarker('team/other', salt)).not.toBe(a);
    expect(createCanaryMarker('team/app', 't'.repeat(24))).not.toBe(a);
  });

  it('verifies a marker only for its own repository and salt', () => {
    const a = createCanaryMarker('team/app', salt);
    expect(isCanaryMarkerFor(a, 'team/app', salt)).toBe(true);
    expect(isCanaryMarkerFor(a, 'team/other', salt)).toBe(false);
    expect(isCanaryMarkerFor('lwcanary-short', 'team/app', salt)).toBe(false);
  });

  it('refuses a short salt', () => {
    expect(() => createCanaryMarker('team/app', 'short')).toThrow(RangeError);
  });

  it('finds every distinct marker in a text', () => {
    const a = createCanaryMarker('a', salt);
    const b = createCanaryMarker('b', salt);
    expect(findCanaryMarkers(`x ${a} y ${b}\n${a}`)).toEqual([a, b]);
    expect(findCanaryMarkers('nothing here')).toEqual([]);
  });
});
