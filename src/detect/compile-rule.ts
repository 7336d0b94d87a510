/**
 * Turns a validated rule spec into the form the matcher runs, refusing anything unsafe or
 * inconsistent with a message that names the file, the rule and the problem.
 */
import { LeakwatchError } from '../errors.js';
import { checkRegexSafety } from './check-regex-safety.js';
import type { CompiledRule, RuleSpec } from './types.js';
import { validators } from './validators/api.js';

/** Bytes of line context a single-line rule looks at on each side of a keyword. */
const LINE_CONTEXT = 1024;

function fail(spec: RuleSpec, problem: string): never {
  throw new LeakwatchError('rules', `${spec.source}: rule ${spec.id}: ${problem}`);
}

function compileRegex(spec: RuleSpec, source: string, flags: string, what: string, checked: boolean): RegExp {
  const problem = checked ? null : checkRegexSafety(source, flags);
  if (problem) fail(spec, `${what}: ${problem}`);
  try {
    return new RegExp(source, flags);
  } catch (err) {
    return fail(spec, `${what}: ${(err as Error).message}`);
  }
}

/**
 * Capturing groups in a regex source: "(" not escaped, not in a character class, and not
 * "(?:", "(?=", "(?!", "(?<=" or "(?<!". Named groups "(?<name>" count. Cheaper than compiling
 * and running the regex, which each worker thread would do for every rule.
 */
export function countCapturingGroups(source: string): number {
  let count = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') {
      if (source[i + 1] !== '?') count++;
      else if (source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!') count++;
    }
  }
  return count;
}

/**
 * Whether the secret's group (`secretIndex`: its name, or its number; 0 the whole match) ends
 * every match it takes part in: a group at the top level of the pattern, not repeated, followed
 * by nothing but zero-width assertions (`\b`, `\B`, `$`, `^`, look-arounds). Then the secret's
 * offsets follow from the match's end and the secret's length, and the regex needs no `d` flag,
 * whose offsets cost every exec an allocation and the engine's slower path.
 */
export function secretEndsMatch(source: string, secretIndex: number | string): boolean {
  if (secretIndex === 0) return true;
  let count = 0;
  let depth = 0;
  let inClass = false;
  let open = -1;
  for (let i = 0; i < source.length && open < 0; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === ')') depth--;
    else if (c === '(') {
      if (source[i + 1] !== '?' || (source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!')) {
        count++;
        if (typeof secretIndex === 'number' ? count === secretIndex : source.startsWith(`(?<${secretIndex}>`, i)) open = i;
      }
      if (open < 0) depth++;
    }
  }
  if (open < 0 || depth !== 0) return false;
  const close = groupEnd(source, open);
  if (close < 0) return false;
  for (let i = close + 1; i < source.length; ) {
    const c = source[i];
    if (c === '$' || c === '^') i++;
    else if (c === '\\' && (source[i + 1] === 'b' || source[i + 1] === 'B')) i += 2;
    else if (c === '(' && /^\(\?<?[=!]/.test(source.slice(i, i + 4))) {
      const end = groupEnd(source, i);
      if (end < 0) return false;
      i = end + 1;
    } else return false;
  }
  return true;
}

/** The offset of the `)` that closes the group opened at `open`, or -1. */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/**
 * The flags each of a spec's regexes is compiled with: [regex, allow lists]. The rule's regex
 * has no `d` flag: the matcher finds the secret's offsets from the match's end where the secret
 * ends it (secretEndsMatch), and from a sticky `d` twin of the regex, run once per match, where
 * it does not.
 */
export function ruleFlags(spec: RuleSpec): { regex: string; lists: string } {
  return { regex: `g${spec.ignoreCase ? 'i' : ''}`, lists: 'i' };
}

/** `checked`: the spec passed the safety check before (a cache, or the main thread for a worker). */
export function compileRule(spec: RuleSpec, index: number, checked = false): CompiledRule {
  const flags = ruleFlags(spec);
  const re = compileRegex(spec, spec.regex, flags.regex, 'regex', checked);
  const groupCount = countCapturingGroups(spec.regex);
  const hasNamed = /\(\?<secret>/.test(spec.regex);
  let secretIndex: number | string = hasNamed ? 'secret' : (spec.secretGroup ?? (groupCount >= 1 ? 1 : 0));
  if (typeof secretIndex === 'number' && secretIndex > groupCount) {
    fail(spec, `secretGroup ${secretIndex} but the regex has ${groupCount} groups`);
  }
  if (hasNamed && spec.secretGroup !== undefined) secretIndex = 'secret';
  for (const name of spec.validators) {
    if (!validators.has(name)) fail(spec, `unknown validator "${name}" (known: ${[...validators.keys()].join(', ')})`);
  }
  const list = (sources: string[], what: string): RegExp[] =>
    sources.map((s) => compileRegex(spec, s, flags.lists, what, checked));
  return {
    ...spec,
    keywords: spec.keywords.map((k) => k.toLowerCase()),
    re,
    allowRes: list(spec.allow, 'allow'),
    allowLineRes: list(spec.allowLine, 'allowLine'),
    allowPathRes: list(spec.allowPath, 'allowPath'),
    ...(spec.regionNeeds !== undefined ? { regionNeedsRe: compileRegex(spec, spec.regionNeeds, flags.lists, 'regionNeeds', checked) } : {}),
    secretIndex,
    secretEndsMatch: secretEndsMatch(spec.regex, secretIndex),
    windowBytes: spec.window ?? LINE_CONTEXT,
    multiline: spec.window !== undefined,
    index,
  };
}
