/**
 * Ordering of the confidence levels (detect/types.ts): comparisons, one step down, and the
 * higher of two, for the places that combine or filter findings by level.
 */
import type { Confidence } from '../detect/types.js';

/** Highest first: the order text output groups in. */
export const CONFIDENCE_LEVELS: readonly Confidence[] = ['high', 'medium', 'low'];

const RANK: Record<Confidence, number> = { high: 2, medium: 1, low: 0 };

export function isConfidence(value: unknown): value is Confidence {
  return value === 'high' || value === 'medium' || value === 'low';
}

/** `level` is `min` or above it. */
export function atLeast(level: Confidence, min: Confidence): boolean {
  return RANK[level] >= RANK[min];
}

export function higherConfidence(a: Confidence, b: Confidence): Confidence {
  return RANK[a] >= RANK[b] ? a : b;
}

/** One level down; low stays low. */
export function lowerConfidence(level: Confidence): Confidence {
  return level === 'high' ? 'medium' : 'low';
}
