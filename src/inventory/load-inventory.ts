/**
 * Runs every enabled inventory source and merges the results. This is what the CLI's
 * `inventory` command and the daemon's inventory refresh both call.
 */
import type { LeakwatchConfig } from '../config/config-types.js';
import type { Logger } from '../logger.js';
import { mergeInventory } from './merge-inventory.js';
import type { MergedInventory } from './merge-inventory.js';
import { inventorySources } from './sources/api.js';
import type { InventoryRecord, InventorySource } from './types.js';

export interface LoadInventoryOptions {
  config: LeakwatchConfig;
  log: Logger;
  cwd?: string;
  sources?: ReadonlyMap<string, InventorySource>;
}

export async function loadInventory(options: LoadInventoryOptions): Promise<MergedInventory> {
  const sources = options.sources ?? inventorySources;
  const cwd = options.cwd ?? process.cwd();
  const records: InventoryRecord[] = [];
  const precedence = new Map<string, number>();
  for (const source of sources.values()) {
    precedence.set(source.id, source.precedence);
    if (!source.isEnabled(options.config)) continue;
    const log = options.log.child({ source: source.id });
    const found = await source.list({ config: options.config, log, cwd });
    log.debug({ count: found.length }, 'Inventory source listed');
    records.push(...found);
  }
  const merged = mergeInventory(records, {
    precedence,
    defaultClassification: options.config.inventory.defaultClassification,
  });
  for (const record of merged.unmatched) {
    options.log.warn({ repo: record.name, region: record.region }, 'Inventory entry matches no repository');
  }
  return merged;
}
