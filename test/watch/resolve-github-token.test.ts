import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSecretStringReader } from '../../src/watch/get-secret-string.js';
import { resolveGitHubToken } from '../../src/watch/resolve-github-token.js';
import { fakeGitHubToken } from '../helpers/fake-credentials.js';

const smMock = mockClient(SecretsManagerClient);
/** A secret's name, not its value. */
const SECRET_NAME = ['leakwatch', 'github'].join('/');
beforeEach(() => {
  smMock.reset();
});

describe('resolveGitHubToken', () => {
  const [a, b, c] = [fakeGitHubToken(), fakeGitHubToken(), fakeGitHubToken()];

  it('prefers the config, then LEAKWATCH_GITHUB_TOKEN, then GITHUB_TOKEN', async () => {
    expect(await resolveGitHubToken({ configToken: a, env: { LEAKWATCH_GITHUB_TOKEN: b, GITHUB_TOKEN: c } })).toBe(a);
    expect(await resolveGitHubToken({ env: { LEAKWATCH_GITHUB_TOKEN: b, GITHUB_TOKEN: c } })).toBe(b);
    expect(await resolveGitHubToken({ env: { GITHUB_TOKEN: ` ${c}\n` } })).toBe(c);
  });

  it('reads the token from Secrets Manager only when none is set directly', async () => {
    smMock.on(GetSecretValueCommand, { SecretId: SECRET_NAME }).resolves({ SecretString: a });
    const getSecret = createSecretStringReader(new SecretsManagerClient({ region: 'eu-west-1' }));
    expect(await resolveGitHubToken({ env: {}, secretId: SECRET_NAME, getSecret })).toBe(a);
    expect(await resolveGitHubToken({ env: { GITHUB_TOKEN: b }, secretId: SECRET_NAME, getSecret })).toBe(b);
    expect(smMock.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('returns undefined when there is no token anywhere', async () => {
    expect(await resolveGitHubToken({ env: { GITHUB_TOKEN: '' } })).toBeUndefined();
  });

  it('says which secret could not be read and what permission it needs', async () => {
    smMock.on(GetSecretValueCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    const getSecret = createSecretStringReader(new SecretsManagerClient({ region: 'eu-west-1' }));
    const failure = resolveGitHubToken({ env: {}, secretId: SECRET_NAME, getSecret });
    await expect(failure).rejects.toThrow('leakwatch/github: AccessDeniedException; check the secret id and secretsmanager:');
  });
});
