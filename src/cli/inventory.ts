/**
 * `leakwatch inventory`: lists every repository the configured sources know, with owner and
 * classification, and flags those with no owner.
 */
import { Command } from 'commander';
import { loadConfig } from '../config/load-config.js';
import { LeakwatchError } from '../errors.js';
import { redactUrl } from '../git/redact-url.js';
import { loadInventory } from '../inventory/load-inventory.js';
import type { InventorySource } from '../inventory/types.js';
import { createLogger } from '../logger.js';
import type { Logger } from '../logger.js';
import { renderInventoryTable } from './inventory-table.js';

const FORMATS = ['table', 'json'] as const;

export interface InventoryCommandDeps {
  write?: (text: string) => void;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  sources?: ReadonlyMap<string, InventorySource>;
  log?: Logger;
}

interface InventoryOptions {
  config?: string;
  format: string;
}

export function createInventoryCommand(deps: InventoryCommandDeps = {}): Command {
  return new Command('inventory')
    .description('List the repositories and code stores (S3, EC2) leakwatch watches, with owner and classification; flag missing owners')
    .option('--config <file>', 'configuration file (default: $LEAKWATCH_CONFIG or config/default.yaml)')
    .option('--format <format>', `output format: ${FORMATS.join(' or ')}`, 'table')
    .action(async (options: InventoryOptions) => {
      if (!(FORMATS as readonly string[]).includes(options.format)) {
        throw new LeakwatchError('usage', `Unknown --format "${options.format}"; use table or json.`);
      }
      const env = deps.env ?? process.env;
      const cwd = deps.cwd ?? process.cwd();
      const write = deps.write ?? ((text: string) => void process.stdout.write(text));
      const { config } = loadConfig({ configPath: options.config, env, cwd });
      const log = deps.log ?? createLogger({ level: config.logLevel });
      const { repositories, codeStores, unmatched } = await loadInventory({ config, log, cwd, sources: deps.sources });
      const defaultOwner = config.inventory.defaultOwner;
      if (options.format === 'json') {
        const report = {
          // The inventory file may hold clone URLs with credentials: never print them.
          repositories: repositories.map((repository) => ({ ...repository, cloneUrl: redactUrl(repository.cloneUrl) })),
          codeStores,
          missingOwner: [...repositories, ...codeStores].filter((item) => item.ownerMissing).map((item) => item.id),
          defaultOwner: defaultOwner ?? null,
          unmatched: unmatched.map((record) => ({ name: record.name, region: record.region ?? null })),
        };
        write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      write(renderInventoryTable(repositories, defaultOwner, codeStores));
    });
}
