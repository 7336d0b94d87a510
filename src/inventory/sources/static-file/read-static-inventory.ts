/**
 * Reads and validates the static inventory file; every problem is reported with its path.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { LeakwatchError } from '../../../errors.js';
import { describeYamlError } from '../../../util/describe-parse-error.js';
import { staticInventorySchema } from './schema.js';
import type { StaticInventory } from './schema.js';

export function readStaticInventory(path: string): StaticInventory {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new LeakwatchError('config', `Cannot read inventory file ${path}: ${(err as Error).message}. Fix inventory.staticFile or the file.`, {
      cause: err,
    });
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (err) {
    // The parser's message quotes the file's lines (clone URLs can carry tokens): position only.
    throw new LeakwatchError('config', `Inventory file ${path} is not valid YAML: ${describeYamlError(err)}. Fix the file.`);
  }
  const parsed = staticInventorySchema.safeParse(data ?? {});
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const where = issue.path.map(String).join('.') || '(root)';
      return issue.code === 'unrecognized_keys'
        ? `  ${where}: unknown key(s) ${issue.keys.join(', ')}`
        : `  ${where}: ${issue.message}`;
    });
    throw new LeakwatchError('config', `Invalid inventory file ${path}; fix these and run again:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
