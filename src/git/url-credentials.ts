/**
 * Keeps a clone URL's credentials out of every file. git is given the URL without them (that
 * is what `git clone` writes into the mirror's config), and the environment of that one git
 * process maps it back: `url.<full>.insteadOf <clean>` through GIT_CONFIG_COUNT/KEY/VALUE,
 * which git reads from its environment and never writes anywhere. This covers user
 * information and token query parameters alike, which a credential helper (Basic auth only)
 * cannot.
 */
export interface SplitUrl {
  /** The URL with no user information and no query: safe to store. */
  url: string;
  /** Extra environment for the git process (empty when the URL carried no credentials). */
  env: Record<string, string>;
}

export function splitUrlCredentials(url: string, env: NodeJS.ProcessEnv = process.env): SplitUrl {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^?#]*?)([?#].*)?$/is.exec(url);
  if (!m) return { url, env: {} };
  const [, scheme, authorityAndPath, query] = m as unknown as [string, string, string, string | undefined];
  // The authority ends at the first '/'; its user information at its last '@' (a password may
  // hold an unencoded '@', a host never does).
  const slash = authorityAndPath.indexOf('/');
  const at = authorityAndPath.lastIndexOf('@', slash < 0 ? authorityAndPath.length : slash);
  const hasUserinfo = at >= 0 && (slash < 0 || at < slash);
  if (!hasUserinfo && query === undefined) return { url, env: {} };
  const clean = `${scheme}${hasUserinfo ? authorityAndPath.slice(at + 1) : authorityAndPath}`;
  // Appended after any GIT_CONFIG_* entries the operator set.
  const count = Number.parseInt(env['GIT_CONFIG_COUNT'] ?? '0', 10) || 0;
  return {
    url: clean,
    env: {
      GIT_CONFIG_COUNT: String(count + 2),
      [`GIT_CONFIG_KEY_${count}`]: `url.${url}.insteadOf`,
      [`GIT_CONFIG_VALUE_${count}`]: clean,
      // A URL with its own credentials needs no helper; none may be asked to store them.
      [`GIT_CONFIG_KEY_${count + 1}`]: 'credential.helper',
      [`GIT_CONFIG_VALUE_${count + 1}`]: '',
    },
  };
}
