/**
 * Expands a path pattern to the directories it matches. Deliberately small: `*` and `?` within
 * one path segment, no `**`, because inventory patterns name sibling repositories
 * (`repos/*.git`), and an unbounded walk of a large tree is not what anyone wants here.
 */
import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';

function segmentRegex(segment: string): RegExp {
  const body = segment
    .split('')
    .map((char) => (char === '*' ? '[^/]*' : char === '?' ? '[^/]' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`);
}

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
      const regex = segmentRegex(segment);
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
          if (regex.test(name)) next.push(join(dir, name));
        }
      }
    }
    matches = next;
  }
  return matches.filter(isDirectory);
}
