import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AttachUserPolicyCommand, CreateAccessKeyCommand, CreateUserCommand, DeleteAccessKeyCommand, DeleteUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCanaryCommand } from '../../src/cli/canary.js';
import { canaryUserName } from '../../src/watch/sources/aws-canary-keys/create-canary-key.js';
import { awsError, callSequence } from '../helpers/aws-calls.js';
import { fakeAccessKeyId, fakeSecretAccessKey } from '../helpers/fake-credentials.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';

const iamMock = mockClient(IAMClient);
let keyId: string;
let secret: string;
let out: string;
let written: string;

beforeEach(() => {
  iamMock.reset();
  keyId = fakeAccessKeyId();
  secret = fakeSecretAccessKey();
  out = '';
  written = '';
  iamMock.on(CreateUserCommand).callsFake((input: { UserName: string }) => ({ User: { UserName: input.UserName, Arn: `arn:aws:iam::111122223333:user/${input.UserName}`, UserId: 'AIDA', Path: '/', CreateDate: new Date() } }));
  iamMock.on(CreateAccessKeyCommand).resolves({ AccessKey: { UserName: 'u', AccessKeyId: keyId, SecretAccessKey: secret, Status: 'Active' } });
  // Anything written to the real stdout or stderr is kept, to prove the secret is not there.
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written += chunk.toString();
      return true;
    });
  }
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => removeTempDirs());

async function canary(args: string[]): Promise<void> {
  await createCanaryCommand({ iam: () => new IAMClient({ region: 'us-east-1' }), out: (s) => void (out += s) }).exitOverride().parseAsync(['create', ...args], { from: 'user' });
}

describe('leakwatch canary create', () => {
  it('creates a tagged IAM user with no policy and one access key, writes the pair to a 0600 file, and prints only the key id and the next steps', async () => {
    const file = join(tempDir(), 'credentials');
    await canary(['--repo', 'payments-api', '--output', file]);

    expect(callSequence(iamMock)).toEqual(['CreateUser', 'CreateAccessKey']);
    const user = iamMock.commandCalls(CreateUserCommand)[0]!.args[0].input;
    expect(user.UserName).toBe('leakwatch-canary-payments-api');
    expect(user.Tags).toContainEqual({ Key: 'leakwatch:canary', Value: 'payments-api' });
    expect(iamMock.commandCalls(AttachUserPolicyCommand)).toHaveLength(0);
    expect(iamMock.commandCalls(PutUserPolicyCommand)).toHaveLength(0);

    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`aws_access_key_id = ${keyId}`);
    expect(text).toContain(`aws_secret_access_key = ${secret}`);

    expect(out).toContain(keyId);
    expect(out).toContain(`- { repository: payments-api, accessKeyId: ${keyId} }`);
    expect(out).not.toContain(secret);
    expect(written).not.toContain(secret);
  });

  it('writes environment lines with --format env', async () => {
    const file = join(tempDir(), 'prod.env');
    await canary(['--repo', 'web', '--output', file, '--format', 'env', '--user-name', 'deploy-bot']);
    expect(iamMock.commandCalls(CreateUserCommand)[0]!.args[0].input.UserName).toBe('deploy-bot');
    expect(readFileSync(file, 'utf8')).toContain(`AWS_ACCESS_KEY_ID=${keyId}\nAWS_SECRET_ACCESS_KEY=${secret}\n`);
  });

  it('refuses to overwrite an existing file before creating anything in AWS', async () => {
    const file = join(tempDir(), 'credentials');
    writeFileSync(file, 'mine\n');
    await expect(canary(['--repo', 'payments-api', '--output', file])).rejects.toThrow(/exists; give a new file to --output/);
    expect(iamMock.calls()).toHaveLength(0);
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
  });

  it('deletes the key and user again when the file cannot be written, and still prints no secret', async () => {
    const file = join(tempDir(), 'missing-dir', 'credentials');
    await expect(canary(['--repo', 'payments-api', '--output', file])).rejects.toThrow(/Could not write .* \(ENOENT\); the key and user leakwatch-canary-payments-api were deleted again/);
    expect(callSequence(iamMock)).toEqual(['CreateUser', 'CreateAccessKey', 'DeleteAccessKey', 'DeleteUser']);
    expect(iamMock.commandCalls(DeleteAccessKeyCommand)[0]!.args[0].input.AccessKeyId).toBe(keyId);
    expect(existsSync(file)).toBe(false);
    expect(out + written).not.toContain(secret);
  });

  it('removes the user when its access key cannot be created, and says which permission is missing', async () => {
    iamMock.on(CreateAccessKeyCommand).rejects(awsError('AccessDenied'));
    const file = join(tempDir(), 'credentials');
    await expect(canary(['--repo', 'payments-api', '--output', file])).rejects.toThrow(/AccessDenied.*iam:CreateAccessKey/);
    expect(iamMock.commandCalls(DeleteUserCommand)).toHaveLength(1);
    expect(existsSync(file)).toBe(false);
  });

  it('says to pick another name when the user exists already', async () => {
    iamMock.on(CreateUserCommand).rejects(awsError('EntityAlreadyExists'));
    await expect(canary(['--repo', 'payments-api', '--output', join(tempDir(), 'c')])).rejects.toThrow(/leakwatch-canary-payments-api exists already; choose another name with --user-name/);
    expect(iamMock.commandCalls(CreateAccessKeyCommand)).toHaveLength(0);
  });

  it('hands a missing --repo to the caller as a usage error instead of exiting, and touches nothing', async () => {
    const command = createCanaryCommand({ iam: () => new IAMClient({ region: 'us-east-1' }), out: (s) => void (out += s) });
    await expect(command.parseAsync(['create', '--output', join(tempDir(), 'c')], { from: 'user' })).rejects.toMatchObject({ code: 'commander.missingMandatoryOptionValue' });
    expect(iamMock.calls()).toHaveLength(0);
  });

  it('makes a valid IAM user name from any repository name', () => {
    expect(canaryUserName('team/payments api')).toBe('leakwatch-canary-team-payments-api');
    expect(canaryUserName('x'.repeat(100))).toHaveLength(64);
  });
});
