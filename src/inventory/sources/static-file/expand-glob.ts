/**
 * Expands a path pattern to the directories it matches. Deliberately small: `*`, `?` and
 * `[...]` within one path segment (matched by util/glob-matcher.ts, like every glob), no `**`, because inventory patterns name sibling repositories
 * (`repos/*.git`), and an unbounded walk of a large tree is not what anyone wants here.
 */
import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { matchesSegment } from '../../../util/glob-matcher.js';

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function expandGlob(pattern: string, baseDir: string): string[] {
  const absolute = isAbsolute(pattern) ? pattern : resolve(baseDir, pattern);
  const segments = absolute.split(sep).filter((segment) => segment !== '');
  let matches: string[] = [sep];
  for (const segment of segments) {
    const next: string[] = [];
    if (!/[*?]/.test(segment)) {
      for (const dir of matches) next.push(join(dir, segment));
    } else {
      for (const dir of matches) {
        let names: string[];
        try {
          names = readdirSync(dir);
        } catch {
          continue;
        }
        // Hidden entries only match a pattern that asks for them, as in the shell.
        for (const name of names.sort()) {
          if (name.startsWith('.') && !segment.startsWith('.')) continue;
          if (matchesSegment(segment, name)) next.push(join(dir, name));
        }
      }
    }
    matches = next;
  }
  return matches.filter(isDirectory);
}
