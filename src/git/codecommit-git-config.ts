/**
 * The `git -c ...` arguments that make one git command use our CodeCommit credential helper
 * and nothing else: the helper list is reset first so no other helper (a store, a keychain)
 * is asked to keep the signed password, and useHttpPath makes git send the repository path
 * the signature needs.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { packagePath } from '../util/package-root.js';

export interface HelperCommandOptions {
  /** Node executable; defaults to the running one. */
  node?: string;
  /** Extra node flags before the script (e.g. a loader in tests). */
  nodeArgs?: readonly string[];
  /** The helper entry script; defaults to the one beside this module. */
  script?: string;
  profile?: string;
}

/** `--import X` / `--import=X` flags of this process, so a helper started from src/ can load TypeScript too. */
function importFlags(execArgv: readonly string[]): string[] {
  const flags: string[] = [];
  for (let index = 0; index < execArgv.length; index++) {
    const arg = execArgv[index]!;
    if (arg.startsWith('--import=')) flags.push(arg);
    else if (arg === '--import' && execArgv[index + 1] !== undefined) flags.push(arg, execArgv[++index]!);
  }
  return flags;
}

/**
 * This module's place in the compiled tree (dist/git/), also when it runs bundled into a chunk
 * of the CLI elsewhere under dist/; the TypeScript source's own URL when running from sources.
 */
function ownModuleUrl(): string {
  return import.meta.url.endsWith('.ts') ? import.meta.url : pathToFileURL(packagePath('dist', 'git', 'codecommit-git-config.js')).href;
}

/**
 * The compiled helper beside this module; when running from TypeScript sources (tests that
 * start the real daemon through a loader), the .ts entry with this process's loader flags.
 */
export function defaultHelperCommandOptions(
  moduleUrl: string = ownModuleUrl(),
  execArgv: readonly string[] = process.execArgv,
): { script: string; nodeArgs: string[] } {
  const js = fileURLToPath(new URL('./codecommit-credential-helper-bin.js', moduleUrl));
  if (moduleUrl.endsWith('.js') || existsSync(js)) return { script: js, nodeArgs: [] };
  return {
    script: fileURLToPath(new URL('./codecommit-credential-helper-bin.ts', moduleUrl)),
    nodeArgs: importFlags(execArgv),
  };
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

export function codecommitHelperCommand(options: HelperCommandOptions = {}): string {
  const defaults: { script: string; nodeArgs: readonly string[] } =
    options.script === undefined ? defaultHelperCommandOptions() : { script: options.script, nodeArgs: [] };
  const parts = [options.node ?? process.execPath, ...(options.nodeArgs ?? defaults.nodeArgs), defaults.script];
  const command = parts.map(shellQuote).join(' ');
  // git runs a `!` helper through the shell and appends the action (get/store/erase); the
  // function puts the profile after it, where the helper looks for it.
  const profile = options.profile === undefined ? '' : ` --profile ${shellQuote(options.profile)}`;
  return `!f() { ${command} "$@"${profile}; }; f`;
}

export function codecommitGitConfigArgs(options: HelperCommandOptions = {}): string[] {
  return [
    '-c',
    'credential.helper=',
    '-c',
    `credential.helper=${codecommitHelperCommand(options)}`,
    '-c',
    'credential.useHttpPath=true',
  ];
}
