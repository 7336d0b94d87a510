/**
 * Inventory source: a YAML file of repositories (clone URLs or local paths, or glob patterns
 * over local directories) with their owners. It outranks every other source, so it can also
 * annotate a repository another source lists (see docs/inventory.md).
 */
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { codeStoreId } from '../../../domain/code-store.js';
import type { CodeStoreLocation } from '../../../domain/code-store.js';
import type { InventoryRecord, InventorySource } from '../../types.js';
import { expandGlob } from './expand-glob.js';
import { readStaticInventory } from './read-static-inventory.js';
import type { StaticInventoryEntry } from './schema.js';

const SOURCE = 'static-file';

function repoName(location: string): string {
  return basename(location.replace(/\/+$/, '')).replace(/\.git$/, '');
}

/** Local paths resolve against the inventory file; URLs (and scp-like ssh) stay as they are. */
function resolveLocation(url: string, baseDir: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || /^[a-z][a-z0-9+.-]*::/i.test(url)) return url;
  if (/^[^/]+@[^/:]+:/.test(url)) return url;
  return isAbsolute(url) ? url : resolve(baseDir, url);
}

function annotations(entry: StaticInventoryEntry): Omit<InventoryRecord, 'id' | 'name' | 'source'> {
  return {
    region: entry.region,
    owner: { email: entry.owner, team: entry.team },
    escalationContacts: entry.escalation,
    snsTopicArn: entry.snsTopicArn,
    classification: entry.classification,
    tags: entry.tags ?? {},
  };
}

/** An `s3` or `ec2` entry: code outside git, named by its location. */
function storeRecord(entry: StaticInventoryEntry): InventoryRecord | undefined {
  let location: CodeStoreLocation;
  if (entry.kind === 's3') location = { kind: 's3', bucket: entry.bucket!, ...(entry.prefix === undefined ? {} : { prefix: entry.prefix }) };
  else if (entry.kind === 'ec2') location = { kind: 'ec2', resourceId: entry.resourceId! };
  else return undefined;
  const id = codeStoreId(location);
  return { id: `static:${id}`, name: entry.name ?? id, source: SOURCE, location, writers: entry.writers, ...annotations(entry) };
}

export function entriesToRecords(
  entries: readonly StaticInventoryEntry[],
  baseDir: string,
  onEmptyPattern: (pattern: string) => void,
): InventoryRecord[] {
  const records: InventoryRecord[] = [];
  for (const entry of entries) {
    const store = storeRecord(entry);
    if (store !== undefined) {
      records.push(store);
      continue;
    }
    if (entry.path !== undefined) {
      const matches = expandGlob(entry.path, baseDir);
      if (matches.length === 0) onEmptyPattern(entry.path);
      for (const match of matches) {
        const name = repoName(match);
        records.push({ id: `static:${name}`, name, source: SOURCE, cloneUrl: match, ...annotations(entry) });
      }
      continue;
    }
    const cloneUrl = entry.url === undefined ? undefined : resolveLocation(entry.url, baseDir);
    const name = entry.name ?? repoName(entry.url!);
    records.push({ id: `static:${name}`, name, source: SOURCE, cloneUrl, ...annotations(entry) });
  }
  return records;
}

export const staticFileSource: InventorySource = {
  id: SOURCE,
  precedence: 100,
  isEnabled: (config) => config.inventory.staticFile !== undefined,
  async list({ config, log, cwd }) {
    const file = resolve(cwd, config.inventory.staticFile!);
    const inventory = readStaticInventory(file);
    return entriesToRecords(inventory.repositories, dirname(file), (pattern) =>
      log.warn({ pattern, file }, 'Inventory path pattern matches no directory'),
    );
  },
};
