/**
 * `leakwatch canary create`: makes an AWS canary key for one repository (an IAM user with no
 * permissions and one access key), writes the planting file (mode 0600, never overwriting) and
 * prints only the access key id and what to do next. The secret access key goes to the file
 * and nowhere else: not to the terminal, not to a log. If the file cannot be written, the key
 * and user are deleted again. Usage errors exit 2.
 */
import { existsSync } from 'node:fs';
import { IAMClient } from '@aws-sdk/client-iam';
import { Command, Option } from 'commander';
import { LeakwatchError } from '../errors.js';
import { writeFileSafely } from '../util/write-file-safely.js';
import { canaryUserName, createCanaryKey, deleteCanaryKey, CANARY_TAG } from '../watch/sources/aws-canary-keys/create-canary-key.js';
import type { CanaryKey } from '../watch/sources/aws-canary-keys/create-canary-key.js';
import { PLANTING_FORMATS, renderPlantingFile } from '../watch/sources/aws-canary-keys/render-planting-file.js';
import type { PlantingFormat } from '../watch/sources/aws-canary-keys/render-planting-file.js';

export interface CanaryCommandDeps {
  iam?: (region: string) => IAMClient;
  out?: (text: string) => void;
}

interface CreateOptions {
  repo: string;
  output: string;
  region: string;
  format: PlantingFormat;
  userName?: string;
  profile: string;
}

export function createCanaryCommand(deps: CanaryCommandDeps = {}): Command {
  const command = new Command('canary').description('AWS canary keys: a key with no permissions planted in a repository; any use of it is an alarm');
  command
    .command('create')
    .description('Create an IAM user with no permissions and an access key, and write the key to a file to commit into the repository')
    .requiredOption('--repo <name>', 'the repository (inventory name) the key will be planted in')
    .requiredOption('--output <file>', 'file to write the key to (mode 0600; must not exist)')
    .option('--region <region>', 'region of the IAM client (IAM itself is global)', 'us-east-1')
    .addOption(new Option('--format <format>', 'shape of the file').choices(PLANTING_FORMATS).default('credentials'))
    .option('--profile <name>', 'profile name in the credentials format', 'default')
    .option('--user-name <name>', 'IAM user name (default: leakwatch-canary-<repo>)')
    .addHelpText('after', '\nIAM permissions needed: iam:CreateUser, iam:TagUser, iam:CreateAccessKey (and iam:DeleteAccessKey, iam:DeleteUser to undo a failed run).\nSee docs/canaries.md.')
    .action(async (options: CreateOptions) => {
      const out = deps.out ?? ((text: string) => void process.stdout.write(text));
      if (existsSync(options.output)) throw new LeakwatchError('usage', `${options.output} exists; give a new file to --output (it will hold the key).`);
      const iam = deps.iam?.(options.region) ?? new IAMClient({ region: options.region });
      const key = await createCanaryKey(iam, options.repo, options.userName ?? canaryUserName(options.repo));
      try {
        writeSecretFile(options.output, renderPlantingFile(options.format, key.accessKeyId, key.secretAccessKey, options.profile));
      } catch (err) {
        const undone = await deleteCanaryKey(iam, key);
        const code = (err as NodeJS.ErrnoException).code ?? 'error';
        throw new LeakwatchError(
          'usage',
          `Could not write ${options.output} (${code}); ${undone ? `the key and user ${key.userName} were deleted again` : `delete IAM user ${key.userName} and its key by hand`}.`,
        );
      }
      out(nextSteps(options, key));
    });
  // Usage errors of a subcommand must reach main's handler (exit 2), not exit the process with 1.
  for (const sub of command.commands) sub.exitOverride();
  return command;
}

function writeSecretFile(path: string, text: string): void {
  // Exclusive: never follow or replace a file that appeared since the check; 0600 from the start.
  writeFileSafely(path, text, { exclusive: true, mode: 0o600 });
}

function nextSteps(options: CreateOptions, key: CanaryKey): string {
  return [
    `Created IAM user ${key.userName} (no policies; tag ${CANARY_TAG}=${options.repo}) with access key ${key.accessKeyId}.`,
    `The key pair is in ${options.output} (mode 0600); the secret access key is not shown anywhere else.`,
    '',
    'Next:',
    '  1. Add the key to the leakwatch configuration:',
    '       canary:',
    '         awsKeys:',
    `           - { repository: ${options.repo}, accessKeyId: ${key.accessKeyId} }`,
    `  2. Commit ${options.output} into ${options.repo} where a copy of the code carries it along,`,
    `     e.g. as ${options.format === 'env' ? 'deploy/production.env' : '.aws/credentials or deploy/credentials'}; plant it in no other repository.`,
    `  3. Delete ${options.output} from this machine once it is committed.`,
    '  4. Keep aws-canary-keys in watch.sources, and canary.cloudtrailRegions covering us-east-1.',
    '',
  ].join('\n');
}
