import { execFileSync } from 'node:child_process';
import { createSign } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LeakwatchError } from '../../src/errors.js';
import { createSnsVerifier, snsStringToSign } from '../../src/daemon/verify-sns-message.js';
import type { SnsMessage } from '../../src/daemon/verify-sns-message.js';

const CERT_URL = 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem';
const TOPIC = 'arn:aws:sns:eu-west-1:111122223333:leakwatch-events';

type Unsigned = SnsMessage extends infer M ? (M extends unknown ? Omit<M, 'Signature'> : never) : never;

interface KeyPair {
  key: string;
  cert: string;
}

function makeCertificate(dir: string, name: string): KeyPair {
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.pem`);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=sns.amazonaws.com'], {
    stdio: 'ignore',
  });
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
}

function sign(message: Unsigned, key: string): SnsMessage {
  const unsigned = { ...message, Signature: 'x' } as SnsMessage;
  const signer = createSign(message.SignatureVersion === '1' ? 'RSA-SHA1' : 'RSA-SHA256');
  signer.update(snsStringToSign(unsigned));
  return { ...unsigned, Signature: signer.sign(key, 'base64') };
}

function notification(version: '1' | '2', extra: Partial<SnsMessage> = {}): Unsigned {
  return {
    Type: 'Notification',
    MessageId: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324',
    TopicArn: TOPIC,
    Subject: 'CodeCommit push',
    Message: JSON.stringify({ detail: { repositoryName: 'payments', event: 'referenceUpdated' } }),
    Timestamp: new Date().toISOString(),
    SignatureVersion: version,
    SigningCertURL: CERT_URL,
    UnsubscribeURL: 'https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=x',
    ...extra,
  } as Unsigned;
}

describe('SNS message verification', () => {
  let good: KeyPair;
  let other: KeyPair;
  const fetched: string[] = [];
  const fetchCertificate = async (url: URL) => {
    fetched.push(url.href);
    return good.cert;
  };

  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'leakwatch-sns-'));
    good = makeCertificate(dir, 'good');
    other = makeCertificate(dir, 'other');
  });

  async function rejection(promise: Promise<unknown>): Promise<LeakwatchError> {
    const err = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(err).toBeInstanceOf(LeakwatchError);
    return err as LeakwatchError;
  }

  it.each(['1', '2'] as const)('accepts a notification signed with SignatureVersion %s', async (version) => {
    const message = sign(notification(version), good.key);
    await expect(createSnsVerifier({ fetchCertificate }).verify(message)).resolves.toMatchObject({
      MessageId: message.MessageId,
      Message: message.Message,
    });
  });

  it('accepts a notification without a Subject, which is then not part of the signed string', async () => {
    const unsigned: Record<string, unknown> = { ...notification('2') };
    delete unsigned['Subject'];
    const message = sign(unsigned as Unsigned, good.key);
    expect(snsStringToSign(message)).not.toContain('Subject');
    await expect(createSnsVerifier({ fetchCertificate }).verify(JSON.stringify(message))).resolves.toBeDefined();
  });

  it.each(['SubscriptionConfirmation', 'UnsubscribeConfirmation'] as const)(
    'accepts a %s, whose signed string includes SubscribeURL and Token',
    async (type) => {
      const message = sign(
        {
          Type: type,
          MessageId: 'm-1',
          TopicArn: TOPIC,
          Message: 'You have chosen to subscribe to the topic.',
          Timestamp: new Date().toISOString(),
          SignatureVersion: '2',
          SigningCertURL: CERT_URL,
          Token: 'token-' + 'a'.repeat(32),
          SubscribeURL: 'https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=t',
        },
        good.key,
      );
      expect(snsStringToSign(message)).toMatch(/^Message\n.*\nMessageId\nm-1\nSubscribeURL\n.*\nTimestamp\n.*\nToken\n.*\nTopicArn\n.*\nType\n.*\n$/s);
      await expect(createSnsVerifier({ fetchCertificate }).verify(message)).resolves.toMatchObject({ Type: type });
    },
  );

  it.each([
    ['Message', { Message: '{"detail":{"repositoryName":"other"}}' }],
    ['Subject', { Subject: 'something else' }],
    ['TopicArn', { TopicArn: 'arn:aws:sns:eu-west-1:111122223333:another-topic' }],
    ['Timestamp', { Timestamp: new Date(Date.now() - 1000).toISOString() }],
  ])('rejects a message whose %s was changed after signing', async (_field, change) => {
    const message = { ...sign(notification('2'), good.key), ...change };
    const err = await rejection(createSnsVerifier({ fetchCertificate }).verify(message));
    expect(err.message).toBe('SNS message signature is invalid');
  });

  it('rejects a message signed by a key other than the certificate’s', async () => {
    const message = sign(notification('1'), other.key);
    expect((await rejection(createSnsVerifier({ fetchCertificate }).verify(message))).message).toBe(
      'SNS message signature is invalid',
    );
  });

  it.each([
    ['another host', 'https://evil.example/SimpleNotificationService-x.pem'],
    ['a look-alike host', 'https://sns.eu-west-1.amazonaws.com.evil.example/cert.pem'],
    ['another region', 'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-x.pem'],
    ['plain http', 'http://sns.eu-west-1.amazonaws.com/SimpleNotificationService-x.pem'],
    ['a port', 'https://sns.eu-west-1.amazonaws.com:8443/SimpleNotificationService-x.pem'],
    ['credentials in the URL', 'https://user@sns.eu-west-1.amazonaws.com/SimpleNotificationService-x.pem'],
    ['a non-pem path', 'https://sns.eu-west-1.amazonaws.com/?Action=x'],
  ])('rejects a certificate URL on %s without fetching it', async (_label, certUrl) => {
    fetched.length = 0;
    const message = sign(notification('2', { SigningCertURL: certUrl }), good.key);
    const err = await rejection(createSnsVerifier({ fetchCertificate }).verify(message));
    expect(err.message).toMatch(/SigningCertURL/);
    expect(fetched).toEqual([]);
  });

  it('fetches each certificate once and serves later messages from the cache', async () => {
    fetched.length = 0;
    const verifier = createSnsVerifier({ fetchCertificate });
    await verifier.verify(sign(notification('1'), good.key));
    await verifier.verify(sign(notification('2', { MessageId: 'second' }), good.key));
    expect(fetched).toEqual([CERT_URL]);
  });

  it('does not cache a failed certificate fetch', async () => {
    let calls = 0;
    const verifier = createSnsVerifier({
      fetchCertificate: async () => {
        calls += 1;
        if (calls === 1) throw new Error('connection reset');
        return good.cert;
      },
    });
    const message = sign(notification('2'), good.key);
    expect((await rejection(verifier.verify(message))).message).toMatch(/Cannot fetch the SNS signing certificate: connection reset/);
    await expect(verifier.verify(message)).resolves.toBeDefined();
    expect(calls).toBe(2);
  });

  it('rejects a certificate outside its validity period', async () => {
    const later = new Date(Date.now() + 10 * 24 * 3600 * 1000);
    const verifier = createSnsVerifier({ fetchCertificate, now: () => later });
    const message = sign(notification('2', { Timestamp: later.toISOString() }), good.key);
    expect((await rejection(verifier.verify(message))).message).toMatch(/not valid now/);
  });

  it('rejects an authentic message more than an hour old, or from the future, without fetching a certificate', async () => {
    fetched.length = 0;
    const now = new Date();
    const verifier = createSnsVerifier({ fetchCertificate, now: () => now });
    const at = (ms: number) => sign(notification('2', { Timestamp: new Date(now.getTime() + ms).toISOString() }), good.key);
    expect((await rejection(verifier.verify(at(-61 * 60_000)))).message).toMatch(/more than an hour old/);
    expect((await rejection(verifier.verify(at(10 * 60_000)))).message).toMatch(/in the future/);
    expect((await rejection(verifier.verify(sign(notification('2', { Timestamp: 'yesterday' }), good.key)))).message).toMatch(/not a date/);
    expect(fetched).toEqual([]);
    await expect(verifier.verify(at(-59 * 60_000))).resolves.toBeDefined();
    await expect(verifier.verify(at(60_000))).resolves.toBeDefined();
  });

  it.each([
    ['an unknown SignatureVersion', { ...notification('2'), SignatureVersion: '3', Signature: 'AAAA' }],
    ['a missing Signature', notification('2')],
    ['an unknown Type', { ...notification('2'), Type: 'Surprise', Signature: 'AAAA' }],
    ['a body that is not JSON', '{not json'],
  ])('rejects %s as not an SNS message', async (_label, body) => {
    const err = await rejection(createSnsVerifier({ fetchCertificate }).verify(body));
    expect(err.message).toMatch(/^(Not an SNS message|SNS message is not JSON)/);
  });
});
