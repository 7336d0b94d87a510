/**
 * Source texts for the fingerprint tests: two pieces of "our" code and one unrelated file,
 * written for these tests, long enough to produce many fingerprints.
 */
export const OUR_CACHE = `// A least-recently-used cache with per-entry expiry.
export class ExpiringLruCache {
  constructor(capacity, ttlMs, now = () => Date.now()) {
    if (capacity <= 0) throw new RangeError('capacity must be positive');
    this.capacity = capacity;
    this.ttlMs = ttlMs;
    this.now = now;
    this.entries = new Map();
  }

  get(key) {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    // Re-insert so the entry becomes the most recently used one.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key, value) {
    if (this.entries.has(key)) this.entries.delete(key);
    while (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next().value;
      this.entries.delete(oldest);
    }
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
    return this;
  }

  prune() {
    let removed = 0;
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= this.now()) {
        this.entries.delete(key);
        removed += 1;
      }
    }
    return removed;
  }
}
`;

export const OUR_PARSER = `/* Parses "key=value; other=thing" headers into a record. */
export function parseHeaderParams(header, { lowerCaseKeys = true } = {}) {
  const out = Object.create(null);
  let i = 0;
  while (i < header.length) {
    while (i < header.length && (header[i] === ' ' || header[i] === ';')) i++;
    const eq = header.indexOf('=', i);
    if (eq === -1) break;
    let key = header.slice(i, eq).trim();
    if (lowerCaseKeys) key = key.toLowerCase();
    let value;
    if (header[eq + 1] === '"') {
      const close = header.indexOf('"', eq + 2);
      value = header.slice(eq + 2, close === -1 ? header.length : close);
      i = close === -1 ? header.length : close + 1;
    } else {
      const end = header.indexOf(';', eq + 1);
      value = header.slice(eq + 1, end === -1 ? header.length : end).trim();
      i = end === -1 ? header.length : end + 1;
    }
    if (key.length > 0 && !(key in out)) out[key] = value;
  }
  return out;
}

export function formatHeaderParams(params) {
  return Object.entries(params)
    .map(([key, value]) => (/[;\\s"]/.test(value) ? \`\${key}="\${value}"\` : \`\${key}=\${value}\`))
    .join('; ');
}
`;

export const UNRELATED = `import sys

def histogram(values, buckets=10):
    """Return bucket counts for a list of numbers."""
    if not values:
        return []
    low, high = min(values), max(values)
    width = (high - low) / buckets or 1
    counts = [0] * buckets
    for v in values:
        index = min(int((v - low) / width), buckets - 1)
        counts[index] += 1
    return counts

def main(argv):
    numbers = [float(x) for x in argv[1:]]
    for i, count in enumerate(histogram(numbers)):
        print(f"{i:3d} {'#' * count}")

if __name__ == "__main__":
    main(sys.argv)
`;
