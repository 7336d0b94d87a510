/**
 * The `git -c ...` arguments that make one git command use our CodeCommit credential helper
 * and nothing else: the helper list is reset first so no other helper (a store, a keychain)
 * is asked to keep the signed password, and useHttpPath makes git send the repository path
 * the signature needs.
 */
import { fileURLToPath } from 'node:url';

export interface HelperCommandOptions {
  /** Node executable; defaults to the running one. */
  node?: string;
  /** Extra node flags before the script (e.g. a loader in tests). */
  nodeArgs?: readonly string[];
  /** The helper entry script; defaults to the compiled one beside this module. */
  script?: string;
  profile?: string;
}

export function defaultHelperScript(): string {
  return fileURLToPath(new URL('./codecommit-credential-helper-bin.js', import.meta.url));
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

export function codecommitHelperCommand(options: HelperCommandOptions = {}): string {
  const parts = [options.node ?? process.execPath, ...(options.nodeArgs ?? []), options.script ?? defaultHelperScript()];
  const command = parts.map(shellQuote).join(' ');
  // git appends the action (get/store/erase) after the command; the profile goes after it.
  return `!f() { ${command} "$@"${options.profile === undefined ? '' : ` --profile ${shellQuote(options.profile)}`}; }; f`;
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
