import { describe, expect, it } from 'vitest';
import { LeakwatchError } from '../../src/errors.js';
import { isCodecommitUrl, parseCodecommitUrl } from '../../src/git/parse-codecommit-url.js';

describe('parseCodecommitUrl', () => {
  it('parses codecommit://repo with the default region', () => {
    expect(parseCodecommitUrl('codecommit://my-repo', { defaultRegion: 'us-east-2' })).toEqual({
      region: 'us-east-2',
      repo: 'my-repo',
      httpsUrl: 'https://git-codecommit.us-east-2.amazonaws.com/v1/repos/my-repo',
    });
  });

  it('parses codecommit://profile@repo', () => {
    expect(parseCodecommitUrl('codecommit://demo-profile@MyRepositoryName', { defaultRegion: 'eu-west-1' })).toEqual({
      region: 'eu-west-1',
      repo: 'MyRepositoryName',
      profile: 'demo-profile',
      httpsUrl: 'https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/MyRepositoryName',
    });
  });

  it('lets codecommit::REGION:// override the default region, with or without a profile', () => {
    expect(parseCodecommitUrl('codecommit::ap-southeast-2://repo.name_1', { defaultRegion: 'eu-west-1' })).toMatchObject({
      region: 'ap-southeast-2',
      repo: 'repo.name_1',
    });
    expect(parseCodecommitUrl('codecommit::us-east-1://p@r')).toMatchObject({ region: 'us-east-1', repo: 'r', profile: 'p' });
  });

  it('parses the HTTPS clone URL, including China and FIPS hosts', () => {
    expect(parseCodecommitUrl('https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/payments')).toEqual({
      region: 'eu-west-1',
      repo: 'payments',
      httpsUrl: 'https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/payments',
    });
    expect(parseCodecommitUrl('https://git-codecommit.cn-north-1.amazonaws.com.cn/v1/repos/x/')).toMatchObject({
      region: 'cn-north-1',
      repo: 'x',
      httpsUrl: 'https://git-codecommit.cn-north-1.amazonaws.com.cn/v1/repos/x',
    });
    expect(parseCodecommitUrl('https://git-codecommit-fips.us-east-1.amazonaws.com/v1/repos/y').region).toBe('us-east-1');
  });

  it.each([
    ['codecommit://repo', 'no region'],
    ['codecommit::://repo', 'no region'],
    ['codecommit::eu-west-1://', 'no repository name'],
    ['codecommit::Europe://repo', 'not an AWS region'],
    ['codecommit::eu-west-1://a@b@c', 'use codecommit://'],
    ['codecommit::eu-west-1://repo/extra', 'use codecommit://'],
    ['codecommit::eu-west-1://bad name', 'not a repository name'],
    ['codecommit::eu-west-1://pro file@repo', 'not a profile name'],
    ['https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/a/info/refs', 'use codecommit://'],
    ['https://git-codecommit.eu-west-1.amazonaws.com.evil.example/v1/repos/a', 'use codecommit://'],
    ['https://github.com/o/r.git', 'use codecommit://'],
  ])('rejects %s as a target error (%s)', (url, why) => {
    let err: unknown;
    try {
      parseCodecommitUrl(url);
    } catch (caught) {
      err = caught;
    }
    expect(err).toBeInstanceOf(LeakwatchError);
    expect((err as LeakwatchError).code).toBe('target');
    expect((err as LeakwatchError).message).toContain(why);
  });

  it('tells CodeCommit URLs from other clone URLs', () => {
    expect(isCodecommitUrl('codecommit://r')).toBe(true);
    expect(isCodecommitUrl('codecommit::eu-west-1://r')).toBe(true);
    expect(isCodecommitUrl('https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/r')).toBe(true);
    expect(isCodecommitUrl('https://github.com/o/r')).toBe(false);
    expect(isCodecommitUrl('/srv/git/r.git')).toBe(false);
  });
});
