/**
 * Strings worth a GitHub code search: rare string literals of one of our files, internal
 * hostnames, and canary markers. A good term occurs in our code and almost nowhere else, so
 * a hit is a strong hint (never proof: hits are fetched and matched). Random-looking literals
 * are never picked: they may be secrets, and searching for a secret would send it to GitHub.
 */
import { shannonEntropy } from '../detect/entropy.js';
import { findCanaryMarkers } from '../fingerprint/canary.js';
import type { SearchTerm } from './sources/types.js';

export interface DistinctiveStringOptions {
  minLength?: number;
  maxLength?: number;
  /** At most this many literals per file (hostnames and canaries are always kept). */
  maxPerFile?: number;
  /** Our internal DNS suffixes, e.g. `int.acme.example`; hostnames under them are picked. */
  internalDomains?: readonly string[];
}

const DEFAULTS = { minLength: 12, maxLength: 120, maxPerFile: 3 };
/** One-line literals in single, double or back quotes (no template interpolation). */
const LITERAL = /'([^'\\\n]{8,200})'|"([^"\\\n]{8,200})"|`([^`\\\n$]{8,200})`/g;
const PRIVATE_SUFFIX = /\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:internal|corp|local|lan|intranet|private)\b/gi;
/** Text that is everywhere: MIME types, URLs of public hosts, format strings, plain prose. */
const COMMON = /^(?:[a-z]+\/[a-z0-9.+-]+|https?:\/\/(?:www\.)?(?:github|google|npmjs|example|w3|mozilla|amazonaws)\.[a-z.]+.*|%[sdifjo].*|[A-Za-z][a-z]*(?: [a-z]+)*[.!?]?)$/;

/** Rare literals and internal hostnames of one text, best first. */
export function pickDistinctiveStrings(text: string, options: DistinctiveStringOptions = {}): string[] {
  const opts = { ...DEFAULTS, ...options };
  const hostnames = new Set<string>([...text.matchAll(PRIVATE_SUFFIX)].map((m) => m[0].toLowerCase()));
  for (const domain of opts.internalDomains ?? []) {
    const escaped = domain.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const m of text.matchAll(new RegExp(`\\b(?:[a-z0-9-]+\\.)+${escaped}\\b`, 'gi'))) hostnames.add(m[0].toLowerCase());
  }
  const literals = new Set<string>();
  for (const m of text.matchAll(LITERAL)) {
    const value = (m[1] ?? m[2] ?? m[3]!).trim();
    if (isDistinctiveLiteral(value, opts.minLength, opts.maxLength)) literals.add(value);
  }
  const ranked = [...literals].filter((l) => !hostnames.has(l.toLowerCase())).sort((a, b) => rank(b) - rank(a) || a.localeCompare(b));
  return [...findCanaryMarkers(text), ...hostnames, ...ranked.slice(0, opts.maxPerFile)];
}

export function isDistinctiveLiteral(value: string, minLength: number = DEFAULTS.minLength, maxLength: number = DEFAULTS.maxLength): boolean {
  if (value.length < minLength || value.length > maxLength) return false;
  if (COMMON.test(value)) return false;
  // Random-looking: a key, a token, a hash. Never search for those.
  if (looksRandom(value)) return false;
  if (/^[0-9a-f-]+$/i.test(value)) return false;
  return new Set(value).size >= 5;
}

function looksRandom(value: string): boolean {
  if (/\s/.test(value)) return false;
  // One long unbroken run of letters and digits: a key id, a token, a hash.
  if (value.length >= 16 && !/[._:/-]/.test(value)) return true;
  if (shannonEntropy(value) > 4.3) return true;
  // A long piece mixing digits into letters, or with case flipping inside it, is generated.
  return value.split(/[._:/+=-]+/).some((part) => part.length >= 10 && ((/\d/.test(part) && /[a-z]/i.test(part)) || (part.match(/[A-Z]/g) ?? []).length >= 3 && /[a-z]/.test(part)));
}

/** Structured literals (identifiers with separators, dotted names) beat long prose. */
function rank(value: string): number {
  const separators = (value.match(/[._:/-]/g) ?? []).length;
  const words = value.split(/\s+/).length;
  return separators * 4 + Math.min(value.length, 40) - words * 2;
}

export interface OurTextFile {
  repo: string;
  path: string;
  text: string;
}

/**
 * Search terms over all our files: each file's picks, kept only when no other repository of
 * ours has the same string (shared strings are libraries or conventions, not one repository's
 * fingerprint), at most `maxPerRepo` per repository.
 */
export function collectSearchTerms(files: Iterable<OurTextFile>, options: DistinctiveStringOptions & { maxPerRepo?: number } = {}): SearchTerm[] {
  const reposOf = new Map<string, Set<string>>();
  const order: string[] = [];
  for (const file of files) {
    for (const value of pickDistinctiveStrings(file.text, options)) {
      let repos = reposOf.get(value);
      if (!repos) {
        repos = new Set();
        reposOf.set(value, repos);
        order.push(value);
      }
      repos.add(file.repo);
    }
  }
  const perRepo = new Map<string, number>();
  const terms: SearchTerm[] = [];
  for (const value of order) {
    const repos = reposOf.get(value)!;
    if (repos.size !== 1) continue;
    const repository = [...repos][0]!;
    const count = perRepo.get(repository) ?? 0;
    if (count >= (options.maxPerRepo ?? 20)) continue;
    perRepo.set(repository, count + 1);
    terms.push({ repository, value });
  }
  return terms;
}

/** Configured terms, written `repository:string` (a repository name holds no colon). */
export function parseConfiguredTerms(entries: readonly string[]): SearchTerm[] {
  return entries.flatMap((entry) => {
    const at = entry.indexOf(':');
    if (at <= 0 || at === entry.length - 1) return [];
    return [{ repository: entry.slice(0, at).trim(), value: entry.slice(at + 1).trim() }];
  });
}
