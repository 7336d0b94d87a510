/**
 * Environment-variable overrides: every option's `LEAKWATCH_...` variable, coerced from text
 * to the option's type. Bad values are returned as problems rather than thrown, so the user
 * sees them together with the file's problems.
 */
import { OPTIONS } from './options.js';
import type { OptionSpec } from './options.js';

export interface EnvOverrideResult {
  /** The raw config with overrides applied (a copy; the input is not modified). */
  raw: Record<string, unknown>;
  /** Option path → env var that set it, to say where a bad value came from. */
  sources: Map<string, string>;
  problems: string[];
}

const TRUE = new Set(['true', '1', 'yes', 'on']);
const FALSE = new Set(['false', '0', 'no', 'off']);

export function coerceEnvValue(option: OptionSpec, text: string): { value: unknown } | { problem: string } {
  const trimmed = text.trim();
  switch (option.kind) {
    case 'integer':
      return /^-?\d+$/.test(trimmed) ? { value: Number(trimmed) } : { problem: `expected an integer, got "${trimmed}"` };
    case 'boolean':
      if (TRUE.has(trimmed.toLowerCase())) return { value: true };
      if (FALSE.has(trimmed.toLowerCase())) return { value: false };
      return { problem: `expected true or false, got "${trimmed}"` };
    case 'string-list':
      if (trimmed.startsWith('[')) {
        try {
          return { value: JSON.parse(trimmed) as unknown };
        } catch {
          return { problem: 'expected a JSON array or a comma-separated list' };
        }
      }
      return { value: trimmed.split(',').map((item) => item.trim()).filter((item) => item !== '') };
    case 'record-list':
      try {
        return { value: JSON.parse(trimmed) as unknown };
      } catch {
        return { problem: 'expected a JSON array of objects' };
      }
    case 'enum-map': {
      const map: Record<string, string> = {};
      for (const item of trimmed.split(',').map((i) => i.trim()).filter((i) => i !== '')) {
        const [key, value, ...rest] = item.split('=').map((part) => part.trim());
        if (!key || !value || rest.length > 0) return { problem: `expected key=value pairs separated by commas, got "${item}"` };
        map[key] = value;
      }
      return { value: map };
    }
    default:
      return { value: trimmed };
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (next === undefined || next === null) node[part] = {};
    // A scalar where a section belongs is a file problem the schema reports; keep it visible.
    else if (typeof next !== 'object' || Array.isArray(next)) return;
    else node[part] = { ...(next as Record<string, unknown>) };
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

export function applyEnvOverrides(
  raw: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
  options: readonly OptionSpec[] = OPTIONS,
): EnvOverrideResult {
  const result: EnvOverrideResult = { raw: { ...raw }, sources: new Map(), problems: [] };
  for (const option of options) {
    const text = env[option.env];
    // An empty variable means "not set": compose files often declare variables without values.
    if (text === undefined || text === '') continue;
    const coerced = coerceEnvValue(option, text);
    if ('problem' in coerced) {
      result.problems.push(`${option.path}: ${coerced.problem} (from ${option.env})`);
      continue;
    }
    setPath(result.raw, option.path, coerced.value);
    result.sources.set(option.path, option.env);
  }
  return result;
}
