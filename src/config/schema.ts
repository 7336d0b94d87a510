/**
 * The zod schema of a configuration file, built from the option list. Objects are strict so a
 * misspelt key is reported instead of silently ignored.
 */
import { validate as isValidCron } from 'node-cron';
import { z } from 'zod';
import { OPTIONS } from './options.js';
import type { OptionSpec } from './options.js';

export function leafSchema(option: OptionSpec): z.ZodType {
  switch (option.kind) {
    case 'string':
      return z.string().min(1);
    case 'email':
      return z.email();
    case 'cron':
      return z.string().refine((value) => isValidCron(value), { message: 'Not a valid cron expression' });
    case 'integer': {
      let schema = z.number().int();
      if (option.min !== undefined) schema = schema.min(option.min);
      if (option.max !== undefined) schema = schema.max(option.max);
      return schema;
    }
    case 'boolean':
      return z.boolean();
    case 'string-list':
      return z.array(z.string().min(1));
    case 'enum':
      return z.enum(option.values as [string, ...string[]]);
    case 'enum-map':
      return z.record(z.string().min(1), z.enum(option.values as [string, ...string[]]));
    case 'record-list': {
      const shape: Record<string, z.ZodType> = {};
      for (const [field, pattern] of Object.entries(option.fields)) {
        shape[field] = z.string().regex(new RegExp(pattern), { message: `Must match ${pattern}` });
      }
      return z.array(z.strictObject(shape));
    }
  }
}

function withDefault(option: OptionSpec): z.ZodType {
  const schema = leafSchema(option);
  if (option.default === undefined) return schema.optional();
  const fallback = option.default;
  // Copy list defaults so no loaded config shares (and could mutate) the option list's array.
  return schema.default(() => (Array.isArray(fallback) ? structuredClone(fallback) : typeof fallback === 'object' ? { ...fallback } : fallback) as never);
}

interface Tree {
  [key: string]: Tree | OptionSpec;
}

function isOption(node: Tree | OptionSpec): node is OptionSpec {
  return typeof (node as OptionSpec).kind === 'string' && typeof (node as OptionSpec).path === 'string';
}

function toTree(options: readonly OptionSpec[]): Tree {
  const root: Tree = {};
  for (const option of options) {
    const parts = option.path.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (next === undefined) node[part] = {};
      else if (isOption(next)) throw new Error(`Option ${option.path} nests under option ${next.path}`);
      node = node[part] as Tree;
    }
    node[parts[parts.length - 1]!] = option;
  }
  return root;
}

function treeSchema(tree: Tree): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, node] of Object.entries(tree)) {
    // prefault (not default) so the nested defaults are applied when a whole section is absent.
    shape[key] = isOption(node) ? withDefault(node) : treeSchema(node).prefault({});
  }
  return z.strictObject(shape);
}

export function buildConfigSchema(options: readonly OptionSpec[] = OPTIONS): z.ZodType {
  return treeSchema(toTree(options));
}

export const configSchema = buildConfigSchema();
