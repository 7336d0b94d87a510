/**
 * The one place leakwatch matches globs, so every glob means the same thing everywhere.
 *
 * Paths (`.leakwatchignore`) follow .gitignore exactly, through the maintained `ignore` package
 * (the matcher ESLint, Prettier and many others use): `*` and `?` stay within a segment, `**`
 * spans whole segments only (`**\/fixtures` is not `src/myfixtures`), a pattern without a slash
 * matches at any depth, a trailing `/` means a folder, `!` re-includes. Case-sensitive, as git is
 * on Linux. A hand-written translation got `**` wrong; this one is tested against git's rules by
 * its authors and by thousands of users.
 *
 * Names (one path segment: the inventory's `repos/*.git`) use the same engine on a single
 * segment. Identifiers that are not paths (IAM ARNs) have no segments: there `*` is any run.
 */
import ignore from 'ignore';

export type PathMatcher = (path: string) => boolean;

/** Git paths are relative already; a leading `./` or `/` (or a Windows separator) is tolerated. */
function normalise(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(?:\.\/|\/)+/, '');
}

/** Tells whether a relative path is matched by .gitignore-style patterns (later `!` lines re-include). */
export function createPathMatcher(patterns: readonly string[]): PathMatcher {
  if (patterns.length === 0) return () => false;
  const matcher = ignore({ ignorecase: false }).add([...patterns]);
  return (path) => {
    const relative = normalise(path);
    return relative !== '' && matcher.ignores(relative);
  };
}

/**
 * Why a pattern cannot mean what its author wanted, or null. The `ignore` package, like git,
 * silently matches nothing for a broken character class; a silent no-op in an ignore file is
 * the kind of miss we refuse, so it is an error instead.
 */
export function globProblem(pattern: string): string | null {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c !== '[') continue;
    let j = i + 1;
    if (pattern[j] === '!' || pattern[j] === '^') j++;
    if (pattern[j] === ']') j++;
    const close = pattern.indexOf(']', j);
    if (close < 0) return `unclosed "[" in "${pattern}"`;
    const body = pattern.slice(j, close);
    for (const [, from, to] of body.matchAll(/(.)-(.)/g)) {
      if (from! > to!) return `empty range "${from}-${to}" in "${pattern}"`;
    }
    i = close;
  }
  return null;
}

/** One path segment against one segment glob (`*`, `?`, `[...]`), as the shell expands it. */
export function matchesSegment(glob: string, name: string): boolean {
  if (name === '' || name.includes('/')) return false;
  // A leading `#` or `!` means something else to the gitignore engine; escape it.
  const pattern = /^[#!]/.test(glob) ? `\\${glob}` : glob;
  return ignore({ ignorecase: false }).add(pattern).ignores(name);
}

/** An identifier (not a path) against a glob where `*` is any run of characters, `/` included. */
export function wildcardToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}
