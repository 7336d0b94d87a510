// The edits a person makes when copying code, as the code-match benchmark applies them to our
// files: reformatting, comment changes, consistent renaming, excerpts and merging into an
// unrelated file. Each works line by line on JavaScript/TypeScript and never alters what a
// string or regular expression means, only layout, comments and names.

const WORDS = ['alpha', 'beta', 'gamma', 'note', 'handle', 'value', 'later', 'check', 'fix', 'temp',
  'cache', 'result', 'update', 'this', 'helper', 'the', 'with', 'for', 'input', 'output'];

const JS_RESERVED = new Set(`break case catch class const continue debugger default delete do else
export extends finally for function if import in instanceof new return super switch this throw try
typeof var void while with yield let static enum await async implements interface package private
protected public null true false undefined NaN Infinity of as from get set type keyof readonly
declare namespace module abstract is infer never unknown any boolean number string symbol object
bigint constructor satisfies override accessor asserts global require exports arguments eval`.split(/\s+/));

const GLOBALS = new Set(['Object', 'Array', 'String', 'Number', 'Boolean', 'Symbol', 'Math', 'JSON',
  'Promise', 'Error', 'TypeError', 'RangeError', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Date', 'RegExp',
  'Function', 'console', 'process', 'Buffer', 'window', 'document', 'globalThis', 'Reflect', 'Proxy']);

function randomWords(rng, n) {
  return Array.from({ length: n }, () => rng.pick(WORDS)).join(' ');
}

function indentOf(line) {
  return line.match(/^[ \t]*/)[0];
}

function hasCommentOrString(s) {
  return /\/\/|\/\*|\*\/|['"`#]/.test(s);
}

/** Whitespace and indentation changed, some lines joined, some split. */
export function reformat(text, rng) {
  const unit = rng() < 0.5 ? '\t' : '    ';
  let lines = text.split('\n').map((line) => {
    const indent = indentOf(line);
    const level = [...indent].reduce((n, c) => n + (c === '\t' ? 2 : 1), 0) / 2;
    return unit.repeat(Math.round(level)) + line.slice(indent.length).replace(/[ \t]+$/, '');
  });
  const joined = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    while (i + 1 < lines.length && /[{,([]$/.test(line.trim()) && !hasCommentOrString(line)
      && !/^(\/\/|\/\*|\*|#)/.test(lines[i + 1].trim()) && !hasCommentOrString(lines[i + 1]) && rng() < 0.35) {
      line = `${line} ${lines[++i].trim()}`;
    }
    joined.push(line);
  }
  lines = [];
  for (const line of joined) {
    const m = line.match(/^(\s*)([^'"`/#]*?[;{])[ \t]+(\S.*)$/);
    if (m && !/^[/*]/.test(m[3]) && !/^\s*(\*|\/\/)/.test(line) && rng() < 0.5) {
      lines.push(`${m[1]}${m[2]}`, `${m[1]}${unit}${m[3]}`);
    } else {
      lines.push(line);
    }
  }
  return lines.join('\n');
}

/** Line comments dropped, block-comment prose rewritten or dropped, new comments added. */
export function changeComments(text, rng) {
  const lines = text.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const trimmed = line.trim();
    if (trimmed.startsWith('/*')) {
      let end = i;
      while (end < lines.length && !lines[end].includes('*/')) end++;
      if (end >= lines.length) {
        out.push(line);
        continue;
      }
      if (lines[end].trim().endsWith('*/') && !lines[end].trim().startsWith('*/ ') && rng() < 0.4) {
        i = end;
        continue;
      }
      out.push(line);
      for (let j = i + 1; j <= end; j++) {
        const inner = lines[j];
        out.push(j < end && /^\s*\*\s+\S/.test(inner) && rng() < 0.8 ? `${indentOf(inner)} * ${randomWords(rng, 4 + rng.int(6))}` : inner);
      }
      i = end;
      continue;
    }
    if (trimmed.startsWith('//')) {
      if (rng() < 0.7) continue;
      out.push(`${indentOf(line)}// ${randomWords(rng, 3 + rng.int(5))}`);
      continue;
    }
    if (trimmed.length > 0 && rng() < 0.08) out.push(`${indentOf(line)}// ${randomWords(rng, 3 + rng.int(6))}`);
    out.push(/;$/.test(line) && !line.includes('//') && rng() < 0.05 ? `${line} // ${randomWords(rng, 3)}` : line);
  }
  return out.join('\n');
}

/** Every identifier consistently renamed, except reserved words and well-known globals. */
export function renameIdentifiers(text, rng) {
  const names = new Map();
  const salt = rng.int(1e6).toString(36);
  return text.replace(/(?<![\w$\\])[A-Za-z_$][\w$]*/g, (word) => {
    if (JS_RESERVED.has(word) || GLOBALS.has(word)) return word;
    let name = names.get(word);
    if (!name) names.set(word, (name = `zq${salt}_${names.size.toString(36)}`));
    return name;
  });
}

/** 20–60 consecutive lines holding at least `minTokens` tokens, or null if the file has none. */
export function excerpt(text, rng, countTokens, minTokens) {
  const lines = text.split('\n');
  if (lines.length < 20) return null;
  for (let attempt = 0; attempt < 30; attempt++) {
    const length = Math.min(lines.length, 20 + rng.int(41));
    const start = rng.int(lines.length - length + 1);
    const part = lines.slice(start, start + length).join('\n');
    if (countTokens(part) >= minTokens) return { text: part, startLine: start + 1, endLine: start + length };
  }
  return null;
}

/**
 * `part` pasted into an unrelated `host` file between two statements: after a blank line or a
 * line ending a statement, never inside a block comment or a multi-line string, where the
 * pasted code would not be code any more.
 */
export function mergeInto(host, part, rng) {
  const lines = host.split('\n');
  const safe = [0, lines.length];
  let inComment = false;
  let inTemplate = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!inTemplate) {
      const open = line.lastIndexOf('/*');
      const close = line.lastIndexOf('*/');
      if (open !== -1 && open > close) inComment = true;
      else if (close !== -1) inComment = false;
    }
    if (!inComment && ((line.match(/`/g) ?? []).length % 2 === 1)) inTemplate = !inTemplate;
    if (!inComment && !inTemplate && (line.trim() === '' || /[;}]\s*$/.test(line))) safe.push(i + 1);
  }
  const at = rng.pick(safe);
  return [...lines.slice(0, at), part, ...lines.slice(at)].join('\n');
}
