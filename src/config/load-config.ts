/**
 * Loads the configuration: the file named by `--config`, else `LEAKWATCH_CONFIG`, else
 * `config/default.yaml` in the working directory (built-in defaults when there is none), then
 * the `LEAKWATCH_...` environment overrides, then the schema. Every problem is reported at once.
 * Path-valued options come out absolute: relative to the file's folder when written in the file,
 * to the working directory when set by the environment or left at their default.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { LeakwatchError } from '../errors.js';
import { describeYamlError } from '../util/describe-parse-error.js';
import { applyEnvOverrides } from './apply-env-overrides.js';
import type { LeakwatchConfig } from './config-types.js';
import { resolveConfigPaths } from './resolve-config-paths.js';
import { configSchema } from './schema.js';

export const CONFIG_ENV = 'LEAKWATCH_CONFIG';
export const DEFAULT_CONFIG_PATH = 'config/default.yaml';

export interface LoadConfigOptions {
  /** The `--config` flag. */
  configPath?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export interface LoadedConfig {
  config: LeakwatchConfig;
  /** Absolute path of the file read, or null when only defaults and env applied. Path-valued options are absolute. */
  path: string | null;
}

export function resolveConfigPath(options: LoadConfigOptions = {}): string | null {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const named = options.configPath ?? (env[CONFIG_ENV] || undefined);
  if (named !== undefined) {
    const path = resolve(cwd, named);
    if (!existsSync(path)) {
      throw new LeakwatchError('config', `Config file not found: ${path}. Check --config or ${CONFIG_ENV}.`);
    }
    return path;
  }
  const fallback = resolve(cwd, DEFAULT_CONFIG_PATH);
  return existsSync(fallback) ? fallback : null;
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new LeakwatchError('config', `Cannot read config file ${path}: ${(err as Error).message}`, { cause: err });
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (err) {
    // No cause: the parser's message quotes the file's lines, which may hold a secret.
    throw new LeakwatchError('config', `Config file ${path} is not valid YAML: ${describeYamlError(err)}`);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new LeakwatchError('config', `Config file ${path} must hold a YAML mapping of options.`);
  }
  return data as Record<string, unknown>;
}

export function formatIssues(issues: readonly z.core.$ZodIssue[], sources: Map<string, string>): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) lines.push(`${[...base, key].join('.')}: unknown option`);
      continue;
    }
    const path = base.join('.') || '(root)';
    const from = sources.get(path);
    lines.push(`${path}: ${issue.message}${from ? ` (from ${from})` : ''}`);
  }
  return lines;
}

export function parseConfig(
  raw: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
  origin: string,
): LeakwatchConfig {
  const overridden = applyEnvOverrides(raw, env);
  const parsed = configSchema.safeParse(overridden.raw);
  const problems = [...overridden.problems];
  if (!parsed.success) problems.push(...formatIssues(parsed.error.issues, overridden.sources));
  if (problems.length > 0) {
    throw new LeakwatchError(
      'config',
      `Invalid configuration (${origin}); fix these and run again:\n${problems.map((line) => `  ${line}`).join('\n')}`,
    );
  }
  return parsed.data as LeakwatchConfig;
}

export function loadConfig(options: LoadConfigOptions = {}): LoadedConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const path = resolveConfigPath(options);
  const raw = path === null ? {} : readConfigFile(path);
  const parsed = parseConfig(raw, env, path ?? 'built-in defaults');
  const fromEnv = new Set(applyEnvOverrides(raw, env).sources.keys());
  const config = resolveConfigPaths(parsed, raw, { fileDir: path === null ? null : dirname(path), cwd, fromEnv });
  return { config, path };
}
