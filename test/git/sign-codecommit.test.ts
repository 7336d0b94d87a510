import { describe, expect, it } from 'vitest';
import {
  codecommitHost,
  codecommitSignature,
  formatSigv4Timestamp,
  signCodecommitRequest,
} from '../../src/git/sign-codecommit.js';

describe('CodeCommit SigV4 GIT signer', () => {
  it('matches the published git-remote-codecommit vector', () => {
    expect(
      codecommitSignature({
        secretAccessKey: 'SECRET_ACCESS_KEY',
        region: 'eu-west-1',
        host: 'git-codecommit.eu-west-1.amazonaws.com',
        path: '/v1/repos/dummy-repo',
        timestamp: '20210901T102523',
      }),
    ).toBe('670ef0c32f13fc847ed0c001a2b90bc772451c1eb89eadf84a73f3e82da9f56a');
  });

  it('builds the password as <timestamp>Z<signature> for the region host and repo path', () => {
    const accessKeyId = 'AKIA' + 'Q'.repeat(16);
    const { username, password } = signCodecommitRequest({
      credentials: { accessKeyId, secretAccessKey: 'SECRET_ACCESS_KEY' },
      region: 'eu-west-1',
      repo: 'dummy-repo',
      now: new Date('2021-09-01T10:25:23.456Z'),
    });
    expect(username).toBe(accessKeyId);
    expect(password).toBe('20210901T102523Z670ef0c32f13fc847ed0c001a2b90bc772451c1eb89eadf84a73f3e82da9f56a');
  });

  it('appends the session token to the username for temporary credentials', () => {
    const accessKeyId = 'ASIA' + 'Q'.repeat(16);
    const sessionToken = 'tok' + 'x'.repeat(40);
    const { username } = signCodecommitRequest({
      credentials: { accessKeyId, secretAccessKey: 's', sessionToken },
      region: 'us-east-1',
      repo: 'r',
    });
    expect(username).toBe(`${accessKeyId}%${sessionToken}`);
  });

  it('changes the signature when the secret, path, host or time changes', () => {
    const base = { secretAccessKey: 'a', region: 'eu-west-1', host: 'h', path: '/v1/repos/x', timestamp: '20210901T102523' };
    const reference = codecommitSignature(base);
    for (const change of [{ secretAccessKey: 'b' }, { path: '/v1/repos/y' }, { host: 'h2' }, { timestamp: '20210901T102524' }, { region: 'us-east-1' }]) {
      expect(codecommitSignature({ ...base, ...change })).not.toBe(reference);
    }
  });

  it('formats timestamps as UTC basic ISO without milliseconds', () => {
    expect(formatSigv4Timestamp(new Date('2024-02-29T23:59:59.999Z'))).toBe('20240229T235959');
  });

  it('uses the .com.cn host in China regions', () => {
    expect(codecommitHost('eu-west-1')).toBe('git-codecommit.eu-west-1.amazonaws.com');
    expect(codecommitHost('cn-north-1')).toBe('git-codecommit.cn-north-1.amazonaws.com.cn');
  });
});
