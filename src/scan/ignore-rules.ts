/**
 * `.leakwatchignore`: one entry per line, `#` comments.
 *   path:GLOB (or a bare GLOB)   leave out locations under matching paths (`*`, `**`, `?`)
 *   rule:RULE-ID                 leave out a rule entirely
 *   fingerprint:ID (or a bare finding id, 32 hex)   leave out one finding
 */
import { LeakwatchError } from '../errors.js';

export interface IgnoreRules {
  paths: RegExp[];
  rules: Set<string>;
  fingerprints: Set<string>;
}

export function emptyIgnoreRules(): IgnoreRules {
  return { paths: [], rules: new Set(), fingerprints: new Set() };
}

export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A pattern without a slash matches at any depth, like .gitignore.
  const anchored = glob.includes('/') ? `^${re.replace(/^\//, '')}` : `(?:^|/)${re}`;
  return new RegExp(`${anchored}(?:$|/)`);
}

export function parseIgnoreRules(text: string, source: string): IgnoreRules {
  const rules = emptyIgnoreRules();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const m = /^(path|rule|fingerprint):(.+)$/.exec(line);
    const kind = m ? m[1] : /^[0-9a-f]{32}$/.test(line) ? 'fingerprint' : 'path';
    const value = (m ? m[2]! : line).trim();
    if (value === '') throw new LeakwatchError('usage', `${source}:${i + 1}: empty ${kind} entry`);
    if (kind === 'path') rules.paths.push(globToRegExp(value));
    else if (kind === 'rule') rules.rules.add(value);
    else rules.fingerprints.add(value);
  });
  return rules;
}
