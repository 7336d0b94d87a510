/**
 * Just enough of the Dockerfile and .dockerignore formats to replay an image build without a
 * Docker engine: instructions (continuation lines joined, comments dropped) grouped by stage,
 * COPY's sources, destination and `--from`, and the context files a COPY would send.
 */
import { cpSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

export interface Stage {
  name: string;
  image: string;
  instructions: Instruction[];
}

export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let logical = lines[i]!.trim();
    if (logical === '' || logical.startsWith('#')) continue;
    while (logical.endsWith('\\') && i + 1 < lines.length) {
      i += 1;
      const next = lines[i]!.trim();
      logical = logical.slice(0, -1).trimEnd() + (next.startsWith('#') ? '' : ` ${next}`);
    }
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(logical)!;
    const instruction = { keyword: keyword!.toUpperCase(), args: args!.trim(), line: start + 1 };
    if (instruction.keyword === 'FROM') {
      const [image, as, name] = instruction.args.split(/\s+/);
      stages.push({ image: image!, name: as?.toUpperCase() === 'AS' ? name! : String(stages.length), instructions: [] });
    } else {
      stages.at(-1)!.instructions.push(instruction);
    }
  }
  return stages;
}

export interface CopyArgs {
  from?: string;
  sources: string[];
  destination: string;
}

export function parseCopy(args: string): CopyArgs {
  const words = args.split(/\s+/);
  let from: string | undefined;
  while (words[0]?.startsWith('--')) {
    const flag = words.shift()!;
    if (flag.startsWith('--from=')) from = flag.slice('--from='.length);
  }
  const destination = words.pop()!;
  return { from, sources: words, destination };
}

/** A .dockerignore as a predicate over context-relative paths (a folder excludes what it holds). */
export function dockerignoreMatcher(text: string): (path: string) => boolean {
  const rules = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const negate = line.startsWith('!');
      const pattern = posix.normalize((negate ? line.slice(1) : line).replace(/^\/+/, '')).replace(/\/+$/, '');
      const source = pattern
        .split(/(\*\*\/?|\*|\?)/)
        .map((part) => (part.startsWith('**') ? '(?:.*/)?' : part === '*' ? '[^/]*' : part === '?' ? '[^/]' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
        .join('');
      return { negate, regex: new RegExp(`^${source}(?:/.*)?$`) };
    });
  return (path) => {
    let excluded = false;
    for (const rule of rules) if (rule.regex.test(path)) excluded = !rule.negate;
    return excluded;
  };
}

/** Copies a context path to `target` (a directory's contents into `target`), leaving out what .dockerignore excludes. */
export function copyFromContext(context: string, source: string, target: string, ignored: (path: string) => boolean): void {
  const walk = (relative: string, to: string): void => {
    if (ignored(relative)) return;
    const from = join(context, relative);
    if (lstatSync(from).isDirectory()) {
      mkdirSync(to, { recursive: true });
      for (const entry of readdirSync(from)) walk(posix.join(relative, entry), join(to, entry));
    } else {
      mkdirSync(dirname(to), { recursive: true });
      cpSync(from, to, { verbatimSymlinks: true });
    }
  };
  walk(posix.normalize(source).replace(/\/+$/, ''), target);
}
