/**
 * The verification service behind `scan --verify`, built as the daemon builds its own
 * (respond/create-engine-deps.ts): AWS calls as whoever runs the scan (the default credential
 * chain, region `response.awsRegion`), keys of `response.canaryAccounts` never used, GitHub
 * tokens checked against `github.apiUrl`. Loaded only with --verify, so a plain scan never
 * loads the AWS SDK or Octokit.
 *
 * Configuration comes from --config or LEAKWATCH_CONFIG and the LEAKWATCH_... overrides only,
 * not from ./config/default.yaml: a scan usually runs inside the scanned project, whose
 * config/default.yaml is its own, not ours.
 */
import { STSClient } from '@aws-sdk/client-sts';
import { CONFIG_ENV, loadConfig, parseConfig } from '../config/load-config.js';
import type { LeakwatchConfig } from '../config/config-types.js';
import { createOctokit } from '../github/create-octokit.js';
import { createLogger } from '../logger.js';
import type { Logger } from '../logger.js';
import { createVerificationService } from '../verify/verify-secret.js';
import type { VerifySecret } from '../domain/verification.js';

export interface ScanVerifierOptions {
  /** The `--config` flag. */
  configPath?: string;
  env?: NodeJS.ProcessEnv;
  /** Default: warnings and errors on stderr (LEAKWATCH_LOG_LEVEL to change). */
  log?: Logger;
  /** Tests: checks per second (default one, as the daemon). */
  perSecond?: number;
}

export interface ScanVerifier {
  verify: VerifySecret;
  /** One line for stderr: what is checked, with which call, against which endpoint. */
  notice: string;
  close(): void;
}

function readConfig(options: ScanVerifierOptions, env: NodeJS.ProcessEnv): LeakwatchConfig {
  if (options.configPath !== undefined || env[CONFIG_ENV]) return loadConfig({ configPath: options.configPath, env }).config;
  return parseConfig({}, env, 'built-in defaults');
}

export function createScanVerifier(options: ScanVerifierOptions): ScanVerifier {
  const env = options.env ?? process.env;
  const config = readConfig(options, env);
  const log = options.log ?? createLogger({ level: env.LEAKWATCH_LOG_LEVEL ?? 'warn' });
  const sts = new STSClient({ region: config.response.awsRegion });
  const apiUrl = config.github.apiUrl;
  const verify = createVerificationService({
    clients: {
      sts,
      // Retry and throttling off: a person waits on this; a rate limit leaves the finding unverified.
      createGitHubClient: (token: string) => createOctokit({ log, auth: token, baseUrl: apiUrl, resilient: false }),
    },
    options: { canaryAccounts: config.response.canaryAccounts },
    log,
    ...(options.perSecond === undefined ? {} : { perSecond: options.perSecond }),
  });
  const notice =
    '--verify uses each found credential once, read-only: AWS keys with sts:GetCallerIdentity ' +
    `(after sts:GetAccessKeyInfo with your own AWS credentials; canary accounts skipped), GitHub tokens with GET ${apiUrl.replace(/\/+$/, '')}/user.`;
  return { verify, notice, close: () => sts.destroy() };
}
