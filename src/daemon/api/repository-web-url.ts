/**
 * Where a commit, file and line can be seen in a repository's web view, when the inventory
 * knows one: a CodeCommit repository (its region and name give the AWS console page), a
 * `webUrl` tag (a GitHub- or GitLab-style base: `<base>/blob/<commit>/<path>#L<line>`), or a
 * clone URL on github.com. Anything else has no link rather than a guessed one.
 */
import type { Repository } from '../../domain/repository.js';

function githubBase(cloneUrl: string): string | undefined {
  const https = /^https:\/\/github\.com\/([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(cloneUrl);
  const ssh = /^(?:ssh:\/\/)?git@github\.com[:/]([\w.-]+)\/([\w.-]+?)(?:\.git)?$/.exec(cloneUrl);
  const match = https ?? ssh;
  return match === null ? undefined : `https://github.com/${match[1]}/${match[2]}`;
}

function webBase(repository: Repository): string | undefined {
  const tag = repository.tags['webUrl'];
  if (tag !== undefined && /^https:\/\/[^\s]+$/.test(tag)) return tag.replace(/\/+$/, '');
  return githubBase(repository.cloneUrl);
}

const encodePath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

export function repositoryWebUrl(repository: Repository, commit: string | null, path: string | null, line: number | null): string | null {
  if (commit === null || !/^[0-9a-f]{7,64}$/.test(commit)) return null;
  if (repository.source === 'codecommit' && repository.region !== undefined) {
    const region = encodeURIComponent(repository.region);
    const base = `https://${region}.console.aws.amazon.com/codesuite/codecommit/repositories/${encodeURIComponent(repository.name)}`;
    if (path === null) return `${base}/commit/${commit}?region=${region}`;
    const lines = line === null ? '' : `&lines=${line}-${line}`;
    return `${base}/browse/${commit}/--/${encodePath(path)}?region=${region}${lines}`;
  }
  const base = webBase(repository);
  if (base === undefined) return null;
  if (path === null) return `${base}/commit/${commit}`;
  return `${base}/blob/${commit}/${encodePath(path)}${line === null ? '' : `#L${line}`}`;
}
