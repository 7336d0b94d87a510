/**
 * Tells what a URL candidate of `leakwatch match` points at: a GitHub file (`/blob/`, `/raw/`,
 * raw.githubusercontent.com), directory (`/tree/`), whole repository, a gist, or any other
 * http(s) document. GitHub URLs are read through the REST API, the rest with plain fetch.
 * A ref and a path are not separable in a GitHub URL when the ref holds a slash, so the
 * segments after the owner and repository are kept whole and split by the fetcher.
 */
import { LeakwatchError } from '../../errors.js';
import { displayUrl } from './display-url.js';

export type CandidateUrl =
  | { kind: 'github-file'; url: string; fullName: string; segments: string[] }
  | { kind: 'github-tree'; url: string; fullName: string; segments: string[] }
  | { kind: 'github-repo'; url: string; fullName: string }
  | { kind: 'gist'; url: string; id: string }
  | { kind: 'http'; url: string };

const RAW_HOST = 'raw.githubusercontent.com';
const GIST_HOST = 'gist.github.com';

export function isUrlCandidate(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
}

export function parseCandidateUrl(text: string, webUrl = 'https://github.com'): CandidateUrl {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new LeakwatchError('usage', `Candidate ${displayUrl(text)} is not a valid URL; check it`);
  }
  const shown = displayUrl(text);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new LeakwatchError('usage', `Candidate ${shown}: only http and https URLs can be fetched; clone or download it and pass the path`);
  }
  const host = url.hostname.toLowerCase();
  const segments = url.pathname.split('/').filter((s) => s !== '').map(decodeSegment);
  if (host === GIST_HOST) {
    // /USER/ID, /ID, or /USER/ID/REVISION (the newest revision is read).
    const id = segments.length === 1 ? segments[0] : segments[1];
    if (!id || !/^[0-9a-f]+$/i.test(id)) throw notGitHubShape(shown);
    return { kind: 'gist', url: shown, id };
  }
  if (host === RAW_HOST) {
    if (segments.length < 4) throw notGitHubShape(shown);
    return { kind: 'github-file', url: shown, fullName: `${segments[0]}/${segments[1]}`, segments: segments.slice(2) };
  }
  if (host === new URL(webUrl).hostname.toLowerCase()) {
    const [owner, rawRepo, verb, ...rest] = segments;
    if (!owner || !rawRepo) throw notGitHubShape(shown);
    const fullName = `${owner}/${rawRepo.replace(/\.git$/, '')}`;
    if (verb === undefined) return { kind: 'github-repo', url: shown, fullName };
    if ((verb === 'blob' || verb === 'raw') && rest.length >= 2) return { kind: 'github-file', url: shown, fullName, segments: rest };
    if (verb === 'tree' && rest.length >= 1) return { kind: 'github-tree', url: shown, fullName, segments: rest };
    throw notGitHubShape(shown);
  }
  return { kind: 'http', url: text };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function notGitHubShape(shown: string): LeakwatchError {
  return new LeakwatchError(
    'usage',
    `Candidate ${shown} is not a GitHub file, directory, repository or gist URL; use .../blob/REF/PATH, .../tree/REF/PATH, https://github.com/OWNER/REPO or https://gist.github.com/USER/ID`,
  );
}
