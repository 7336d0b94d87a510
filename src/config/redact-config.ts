/**
 * A copy of a loaded configuration with every secret option replaced by `[redacted]`, for
 * anything that prints or logs the effective configuration.
 */
import type { LeakwatchConfig } from './config-types.js';
import { OPTIONS } from './options.js';
import type { OptionSpec } from './options.js';

export function redactConfig(config: LeakwatchConfig, options: readonly OptionSpec[] = OPTIONS): LeakwatchConfig {
  const copy = structuredClone(config) as unknown as Record<string, unknown>;
  for (const option of options) {
    if (!option.secret) continue;
    const parts = option.path.split('.');
    let node: Record<string, unknown> | undefined = copy;
    for (const part of parts.slice(0, -1)) node = node?.[part] as Record<string, unknown> | undefined;
    const key = parts[parts.length - 1]!;
    if (node !== undefined && node[key] !== undefined) node[key] = '[redacted]';
  }
  return copy as unknown as LeakwatchConfig;
}
