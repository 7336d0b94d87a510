/**
 * A git credential helper for CodeCommit over HTTPS. git runs it (`credential.helper`) with
 * `get` and the request on stdin; it answers a fresh SigV4 username/password signed with the
 * default AWS credential chain. Nothing is stored: the password lives only in git's memory, so
 * no credential reaches `.git/config`, the mirror's files or our logs.
 *
 * It answers only for CodeCommit hosts (`git-codecommit[-fips].REGION.amazonaws.com[.cn]`),
 * plus one extra host when LEAKWATCH_CODECOMMIT_HOST and LEAKWATCH_CODECOMMIT_REGION name it
 * (a proxy, or a test server). git must send the path: `credential.useHttpPath=true`.
 */
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { AwsCredentials } from './sign-codecommit.js';
import { signCodecommitRequest } from './sign-codecommit.js';

export type CredentialRequest = Map<string, string>;

export interface HelperEnvironment {
  extraHost?: string;
  extraRegion?: string;
}

export interface AnswerDeps {
  getCredentials: () => Promise<AwsCredentials>;
  now?: () => Date;
  env?: HelperEnvironment;
}

export type HelperAnswer = { ok: true; text: string } | { ok: false; reason: string };

const CODECOMMIT_HOST = /^git-codecommit(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?(?::443)?$/;
const REPO_PATH = /^\/?v1\/repos\/([\w.-]{1,100})\/?$/;

/** Parses git's credential protocol: `key=value` lines up to a blank line. */
export function parseCredentialRequest(text: string): CredentialRequest {
  const request: CredentialRequest = new Map();
  for (const line of text.split('\n')) {
    const trimmed = line.replace(/\r$/, '');
    if (trimmed === '') break;
    const eq = trimmed.indexOf('=');
    if (eq > 0) request.set(trimmed.slice(0, eq), trimmed.slice(eq + 1));
  }
  return request;
}

function regionFor(host: string, protocol: string, env: HelperEnvironment): string | undefined {
  if (env.extraHost !== undefined && env.extraRegion !== undefined && host === env.extraHost) return env.extraRegion;
  const match = CODECOMMIT_HOST.exec(host);
  return match && protocol === 'https' ? match[1] : undefined;
}

export async function answerCredentialRequest(request: CredentialRequest, deps: AnswerDeps): Promise<HelperAnswer> {
  const host = request.get('host') ?? '';
  const protocol = request.get('protocol') ?? '';
  const region = regionFor(host, protocol, deps.env ?? {});
  if (region === undefined) return { ok: false, reason: `not a CodeCommit host: ${protocol}://${host}` };
  const path = (request.get('path') ?? '').replace(/[?#].*$/, '');
  const repo = REPO_PATH.exec(path)?.[1];
  if (repo === undefined) {
    return { ok: false, reason: 'no /v1/repos/<name> path from git; set credential.useHttpPath=true' };
  }
  const { username, password } = signCodecommitRequest({
    credentials: await deps.getCredentials(),
    region,
    repo,
    host,
    now: deps.now?.(),
  });
  return { ok: true, text: `username=${username}\npassword=${password}\n` };
}

export interface HelperIo {
  argv: readonly string[];
  stdin: AsyncIterable<Buffer | string>;
  writeOut: (text: string) => void;
  writeErr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  getCredentials?: (profile: string | undefined) => Promise<AwsCredentials>;
}

function profileArg(argv: readonly string[]): string | undefined {
  const index = argv.indexOf('--profile');
  return index >= 0 ? argv[index + 1] : undefined;
}

/** Runs one helper invocation; returns the process exit code. */
export async function runCredentialHelper(io: HelperIo): Promise<number> {
  // git also sends `store` and `erase`; a signature expires in minutes, so there is nothing to keep.
  if (io.argv[0] !== 'get') return 0;
  let input = '';
  for await (const chunk of io.stdin) input += chunk.toString();
  const profile = profileArg(io.argv) ?? (io.env['AWS_PROFILE'] || undefined);
  const getCredentials =
    io.getCredentials ?? ((name: string | undefined) => defaultProvider(name === undefined ? {} : { profile: name })());
  try {
    const answer = await answerCredentialRequest(parseCredentialRequest(input), {
      getCredentials: () => getCredentials(profile),
      env: { extraHost: io.env['LEAKWATCH_CODECOMMIT_HOST'], extraRegion: io.env['LEAKWATCH_CODECOMMIT_REGION'] },
    });
    // Without an answer git falls through to its other helpers or fails; say why on stderr.
    if (answer.ok) io.writeOut(answer.text);
    else io.writeErr(`leakwatch credential helper: ${answer.reason}\n`);
    return 0;
  } catch (err) {
    io.writeErr(`leakwatch credential helper: cannot get AWS credentials: ${(err as Error).message}\n`);
    return 1;
  }
}
