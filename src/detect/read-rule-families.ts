/**
 * What the loaded rules do not carry but a catalogue needs: each family's provider name (the
 * `provider:` line of its file) and the `{{var:NAME}}` values each rule waits for. Read from the
 * same directories the loader reads; the loader has already validated them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BUILTIN_RULES_DIR } from './load-rules.js';

export interface RuleFamilies {
  /** family id → provider name, e.g. aws → Amazon Web Services. */
  providers: Map<string, string>;
  /** rule id → the variables its regex or keywords use (only rules that use any). */
  variables: Map<string, string[]>;
}

interface RawFile {
  family?: unknown;
  provider?: unknown;
  rules?: { id?: unknown; regex?: unknown; keywords?: unknown }[];
}

const VAR = /\{\{var:([A-Za-z][A-Za-z0-9]*)\}\}/g;

export function readRuleFamilies(extraDirs: string[] = [], options: { builtin?: boolean } = {}): RuleFamilies {
  const dirs = options.builtin === false ? extraDirs : [BUILTIN_RULES_DIR, ...extraDirs];
  const providers = new Map<string, string>();
  const variables = new Map<string, string[]>();
  for (const dir of dirs) {
    const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
    for (const file of files) {
      const doc = parse(readFileSync(join(dir, file), 'utf8')) as RawFile | null;
      if (typeof doc?.family !== 'string') continue;
      providers.set(doc.family, typeof doc.provider === 'string' ? doc.provider : doc.family);
      for (const rule of doc.rules ?? []) {
        if (typeof rule.id !== 'string') continue;
        const text = `${String(rule.regex)} ${JSON.stringify(rule.keywords ?? [])}`;
        const names = [...new Set([...text.matchAll(VAR)].map((m) => m[1]!))];
        if (names.length > 0) variables.set(rule.id, names);
        else variables.delete(rule.id);
      }
    }
  }
  return { providers, variables };
}
