import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCodecommitUrl } from '../../src/git/parse-codecommit-url.js';
import { resolveCodecommitRegion } from '../../src/git/resolve-codecommit-region.js';

function awsConfig(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'leakwatch-aws-config-')), 'config');
  writeFileSync(path, text);
  return path;
}

const CONFIG = [
  '[default]',
  'region = us-east-1',
  '',
  '[profile  demo-profile]   # two spaces, as people write them',
  'output = json',
  'region=us-east-2 ; trailing comment',
  '',
  '[profile no-region]',
  'output = text',
].join('\n');

describe('resolveCodecommitRegion', () => {
  it('prefers AWS_REGION, then AWS_DEFAULT_REGION, over the config file', () => {
    const file = awsConfig(CONFIG);
    expect(resolveCodecommitRegion('demo-profile', { AWS_CONFIG_FILE: file, AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-2' })).toBe('eu-west-1');
    expect(resolveCodecommitRegion('demo-profile', { AWS_CONFIG_FILE: file, AWS_DEFAULT_REGION: 'eu-west-2' })).toBe('eu-west-2');
  });

  it('reads the region of the named profile, AWS_PROFILE, or default', () => {
    const file = awsConfig(CONFIG);
    expect(resolveCodecommitRegion('demo-profile', { AWS_CONFIG_FILE: file })).toBe('us-east-2');
    expect(resolveCodecommitRegion(undefined, { AWS_CONFIG_FILE: file, AWS_PROFILE: 'demo-profile' })).toBe('us-east-2');
    expect(resolveCodecommitRegion(undefined, { AWS_CONFIG_FILE: file })).toBe('us-east-1');
  });

  it('finds nothing for a profile without a region or a missing config file', () => {
    expect(resolveCodecommitRegion('no-region', { AWS_CONFIG_FILE: awsConfig(CONFIG) })).toBeUndefined();
    expect(resolveCodecommitRegion(undefined, { AWS_CONFIG_FILE: '/nonexistent/aws/config' })).toBeUndefined();
  });

  it('feeds parseCodecommitUrl for codecommit://profile@repo', () => {
    const env = { AWS_CONFIG_FILE: awsConfig(CONFIG) };
    const url = 'codecommit://demo-profile@MyRepositoryName';
    expect(parseCodecommitUrl(url, { defaultRegion: (profile) => resolveCodecommitRegion(profile, env) }).httpsUrl).toBe(
      'https://git-codecommit.us-east-2.amazonaws.com/v1/repos/MyRepositoryName',
    );
  });
});
