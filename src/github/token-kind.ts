/**
 * Which kind of GitHub token a value is, from its public prefix. Installation tokens (ghs_)
 * expire within an hour and are not accepted by the revocation endpoint.
 */
export type GitHubTokenKind = 'classic-pat' | 'fine-grained-pat' | 'oauth' | 'user-to-server' | 'refresh' | 'installation';

const PREFIXES: [RegExp, GitHubTokenKind][] = [
  [/^ghp_[A-Za-z0-9]{36,255}$/, 'classic-pat'],
  [/^github_pat_[A-Za-z0-9_]{22,255}$/, 'fine-grained-pat'],
  [/^gho_[A-Za-z0-9]{36,255}$/, 'oauth'],
  [/^ghu_[A-Za-z0-9]{36,255}$/, 'user-to-server'],
  [/^ghr_[A-Za-z0-9]{36,255}$/, 'refresh'],
  [/^ghs_[A-Za-z0-9]{36,255}$/, 'installation'],
];

export function gitHubTokenKind(value: string): GitHubTokenKind | undefined {
  return PREFIXES.find(([re]) => re.test(value))?.[1];
}
