/**
 * The GitHub token the watch uses: the config value, else `LEAKWATCH_GITHUB_TOKEN`, else
 * `GITHUB_TOKEN`, else a Secrets Manager secret when one is named. No token is allowed (the
 * events and gists endpoints answer anonymously, at 60 requests an hour) but code search
 * needs one.
 */
export interface ResolveGitHubTokenOptions {
  configToken?: string;
  env?: NodeJS.ProcessEnv;
  /** Secrets Manager secret id (name or ARN) holding the token. */
  secretId?: string;
  /** Reads a secret's string; injectable so tests and other stores can stand in. */
  getSecret?: (secretId: string) => Promise<string | undefined>;
}

export async function resolveGitHubToken(options: ResolveGitHubTokenOptions): Promise<string | undefined> {
  const env = options.env ?? process.env;
  const direct = [options.configToken, env.LEAKWATCH_GITHUB_TOKEN, env.GITHUB_TOKEN].find((t) => t !== undefined && t.trim() !== '');
  if (direct !== undefined) return direct.trim();
  if (options.secretId && options.getSecret) {
    const value = await options.getSecret(options.secretId);
    if (value !== undefined && value.trim() !== '') return value.trim();
  }
  return undefined;
}
