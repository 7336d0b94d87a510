/**
 * Recognises the CodeCommit URL forms a user may give: `codecommit://[profile@]repo`,
 * `codecommit::REGION://[profile@]repo` (as git-remote-codecommit accepts them) and the HTTPS
 * clone URL, and turns each into the HTTPS URL that git fetches with our credential helper.
 */
import { LeakwatchError } from '../errors.js';
import { codecommitHost } from './sign-codecommit.js';

export interface CodecommitUrl {
  region: string;
  repo: string;
  profile?: string;
  httpsUrl: string;
}

const REPO = /^[\w.-]{1,100}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const PROFILE = /^[\w.+-]{1,64}$/;
const GRC = /^codecommit(?:::([^:/]*))?:\/\/(?:([^@/]*)@)?([^@/]*)$/;
const HTTPS = /^https:\/\/git-codecommit(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/v1\/repos\/([^/?#]+)\/?$/;

export function isCodecommitUrl(url: string): boolean {
  return url.startsWith('codecommit:') || /^https:\/\/git-codecommit(-fips)?\./.test(url);
}

function invalid(url: string, why: string): LeakwatchError {
  return new LeakwatchError('target', `Invalid CodeCommit URL "${url}": ${why}.`);
}

export function parseCodecommitUrl(
  url: string,
  options: {
    /** The region when the URL names none, or how to find it for the URL's profile (see resolve-codecommit-region.ts). */
    defaultRegion?: string | ((profile: string | undefined) => string | undefined);
  } = {},
): CodecommitUrl {
  const https = HTTPS.exec(url);
  if (https) {
    const [, region, repo] = https as unknown as [string, string, string];
    if (!REGION.test(region)) throw invalid(url, `"${region}" is not an AWS region`);
    if (!REPO.test(repo)) throw invalid(url, `"${repo}" is not a repository name`);
    return { region, repo, httpsUrl: url.replace(/\/$/, '') };
  }
  const grc = GRC.exec(url);
  if (!grc) {
    throw invalid(url, 'use codecommit://[profile@]repo, codecommit::REGION://[profile@]repo or https://git-codecommit.REGION.amazonaws.com/v1/repos/NAME');
  }
  const [, regionPart, profile, repo] = grc as unknown as [string, string | undefined, string | undefined, string];
  const fallback = options.defaultRegion;
  const region = regionPart ?? (typeof fallback === 'function' ? fallback(profile) : fallback);
  if (region === undefined || region === '') {
    throw invalid(url, 'no region; use codecommit::REGION://repo or set AWS_REGION');
  }
  if (!REGION.test(region)) throw invalid(url, `"${region}" is not an AWS region`);
  if (profile !== undefined && !PROFILE.test(profile)) throw invalid(url, `"${profile}" is not a profile name`);
  if (!REPO.test(repo)) throw invalid(url, repo === '' ? 'no repository name' : `"${repo}" is not a repository name`);
  const parsed: CodecommitUrl = { region, repo, httpsUrl: `https://${codecommitHost(region)}/v1/repos/${repo}` };
  if (profile !== undefined) parsed.profile = profile;
  return parsed;
}
