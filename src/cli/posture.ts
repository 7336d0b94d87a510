/**
 * `leakwatch posture`: the read-only readiness and prevention checks of the code-exposure
 * playbook (CloudTrail, S3, internet-exposed images, IAM, GuardDuty, Macie, CodeBuild,
 * inventory owners), one line per check and resource. Exit 0 all pass, 1 any fail, 2 could not
 * run (bad usage, or a check that errored with nothing failing).
 */
import { Command } from 'commander';
import { loadConfig } from '../config/load-config.js';
import { LeakwatchError } from '../errors.js';
import type { InventorySource } from '../inventory/types.js';
import { createLogger } from '../logger.js';
import type { Logger } from '../logger.js';
import { postureChecks } from '../posture/api.js';
import { createPostureClients } from '../posture/posture-clients.js';
import type { PostureClients } from '../posture/posture-clients.js';
import { createPostureContext } from '../posture/create-posture-context.js';
import { postureExitCode, runPostureChecks, summarise } from '../posture/run-posture-checks.js';
import { renderPostureJson } from '../report/render-posture-json.js';
import { renderPostureSarif } from '../report/render-posture-sarif.js';
import { renderPostureTable } from '../report/render-posture-table.js';
import { parseChoice } from './parse-options.js';

const FORMATS = ['table', 'json', 'sarif'] as const;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export interface PostureCommandDeps {
  write?: (text: string) => void;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  clients?: (homeRegion: string) => PostureClients;
  sources?: ReadonlyMap<string, InventorySource>;
  log?: Logger;
  now?: () => Date;
}

interface PostureOptions {
  config?: string;
  region?: string[];
  format: (typeof FORMATS)[number];
  check?: string[];
}

export function createPostureCommand(deps: PostureCommandDeps = {}): Command {
  return new Command('posture')
    .description('Check readiness and prevention (CloudTrail, S3 public access, public images, IAM, GuardDuty, Macie, CodeBuild, owners); read-only')
    .option('--config <file>', 'configuration file (default: $LEAKWATCH_CONFIG or config/default.yaml)')
    .option('--region <region...>', 'regions to check (default: posture.regions); the first is where IAM, S3 and STS are asked')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, parseChoice('--format', FORMATS), 'table')
    .option('--check <id...>', `only these checks: ${[...postureChecks.keys()].join(', ')}`)
    .addHelpText('after', '\nExit codes: 0 every check passed (or was skipped), 1 a check failed, 2 usage error or a check could not run.')
    .action(async (options: PostureOptions) => {
      const env = deps.env ?? process.env;
      const cwd = deps.cwd ?? process.cwd();
      const write = deps.write ?? ((text: string) => void process.stdout.write(text));
      const unknown = (options.check ?? []).filter((id) => !postureChecks.has(id));
      if (unknown.length > 0) throw new LeakwatchError('usage', `Unknown check ${unknown.join(', ')}; the checks are ${[...postureChecks.keys()].join(', ')}.`);
      const badRegion = (options.region ?? []).find((r) => !REGION.test(r));
      if (badRegion !== undefined) throw new LeakwatchError('usage', `--region takes an AWS region such as eu-west-1, not "${badRegion}".`);
      const { config } = loadConfig({ configPath: options.config, env, cwd });
      const log = deps.log ?? createLogger({ level: config.logLevel });
      const regions = options.region ?? config.posture.regions;
      if (regions.length === 0) throw new LeakwatchError('usage', 'No region to check: set posture.regions or pass --region.');
      const checks = options.check === undefined ? [...postureChecks.values()] : options.check.map((id) => postureChecks.get(id)!);
      const clients = (deps.clients ?? createPostureClients)(regions[0]!);
      const context = createPostureContext({ config, clients, log, regions, cwd, sources: deps.sources, now: deps.now });
      // No usable credentials would make every check an error: say it once instead.
      await context.accountId().catch((err: unknown) => {
        const name = err instanceof Error ? err.name : 'Error';
        throw new LeakwatchError('aws', `cannot identify the AWS account (sts:GetCallerIdentity failed: ${name}); set AWS credentials (AWS_PROFILE, or the default credential chain) for the account to check.`);
      });
      const results = await runPostureChecks(checks, context);
      const summary = summarise(results);
      if (summary.error > 0) process.stderr.write(`leakwatch: ${summary.error} check result(s) could not be determined (status error in the report).\n`);
      if (summary.skipped > 0) process.stderr.write(`leakwatch: ${summary.skipped} check result(s) skipped, with nothing to check there (status skipped in the report).\n`);
      write(options.format === 'json' ? renderPostureJson(results, summary) : options.format === 'sarif' ? renderPostureSarif(results) : renderPostureTable(results, summary));
      process.exitCode = postureExitCode(summary);
    });
}
