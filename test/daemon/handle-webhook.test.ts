import { execFileSync } from 'node:child_process';
import { createSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleWebhook } from '../../src/daemon/handle-webhook.js';
import type { WebhookDeps, WebhookRequest } from '../../src/daemon/handle-webhook.js';
import type { CodecommitChange } from '../../src/daemon/parse-codecommit-event.js';
import { createSeenMessageIds } from '../../src/daemon/seen-message-ids.js';
import { createSnsVerifier, snsStringToSign } from '../../src/daemon/verify-sns-message.js';
import type { SnsMessage } from '../../src/daemon/verify-sns-message.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';

const CERT_URL = 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem';
const TOPIC = 'arn:aws:sns:eu-west-1:111122223333:leakwatch-codecommit';
const TOKEN = ['web', 'hook-'].join('') + 'x'.repeat(20);

const EVENT = {
  source: 'aws.codecommit',
  'detail-type': 'CodeCommit Repository State Change',
  region: 'eu-west-1',
  account: '111122223333',
  detail: { event: 'referenceUpdated', repositoryName: 'payments', referenceType: 'branch', referenceName: 'main' },
};

let key: string;
let cert: string;

beforeAll(() => {
  const dir = tempDir();
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'k'), '-out', join(dir, 'c'), '-days', '2', '-subj', '/CN=sns.amazonaws.com'], {
    stdio: 'ignore',
  });
  key = readFileSync(join(dir, 'k'), 'utf8');
  cert = readFileSync(join(dir, 'c'), 'utf8');
});
afterAll(() => removeTempDirs());

const SNS_HEADERS = { 'x-amz-sns-message-type': 'Notification' };

function signed(fields: Record<string, string>): string {
  const message = { SignatureVersion: '2', SigningCertURL: CERT_URL, Timestamp: new Date().toISOString(), MessageId: 'm-1', TopicArn: TOPIC, ...fields, Signature: 'x' };
  const signer = createSign('RSA-SHA256');
  signer.update(snsStringToSign(message as SnsMessage));
  return JSON.stringify({ ...message, Signature: signer.sign(key, 'base64') });
}

function setup(overrides: Partial<WebhookDeps> = {}) {
  const changes: CodecommitChange[] = [];
  const fetched: string[] = [];
  const deps: WebhookDeps = {
    token: TOKEN,
    snsTopicArns: [TOPIC],
    verifier: createSnsVerifier({ fetchCertificate: async () => cert }),
    seenMessages: createSeenMessageIds(),
    fetch: async (url) => {
      fetched.push(url);
      return { ok: true, status: 200 };
    },
    onChanges: async (list) => {
      changes.push(...list);
      return list.map((c) => `codecommit:${c.region}:${c.repositoryName}`);
    },
    log: createMemoryLogger().log,
    ...overrides,
  };
  return { deps, changes, fetched };
}

function request(body: string, headers: Record<string, string> = {}, query = ''): WebhookRequest {
  return { headers, query: new URLSearchParams(query), body };
}

describe('CodeCommit webhook', () => {
  it('queues the repository of an EventBridge event posted with the token in Authorization or X-Leakwatch-Token', async () => {
    const variants: Array<Record<string, string>> = [{ authorization: `Bearer ${TOKEN}` }, { 'x-leakwatch-token': TOKEN }];
    for (const headers of variants) {
      const { deps, changes } = setup();
      const answer = await handleWebhook(request(JSON.stringify(EVENT), headers), deps);
      expect(answer).toEqual({ status: 202, body: { queued: ['codecommit:eu-west-1:payments'] } });
      expect(changes).toMatchObject([{ region: 'eu-west-1', repositoryName: 'payments', ref: 'refs/heads/main' }]);
    }
  });

  it('answers 401 with no token, a wrong token, or a query token on a request that is not SNS', async () => {
    const { deps, changes } = setup();
    expect((await handleWebhook(request(JSON.stringify(EVENT)), deps)).status).toBe(401);
    expect((await handleWebhook(request(JSON.stringify(EVENT), { authorization: 'Bearer wrong' }), deps)).status).toBe(401);
    expect((await handleWebhook(request(JSON.stringify(EVENT), {}, `token=${TOKEN}`), deps)).status).toBe(401);
    expect(changes).toEqual([]);
  });

  it('is disabled (404) when no token is configured', async () => {
    const { deps } = setup({ token: undefined });
    expect((await handleWebhook(request(JSON.stringify(EVENT), { authorization: 'Bearer x' }), deps)).status).toBe(404);
  });

  it('accepts a signed SNS notification with the query token and queues the event it carries', async () => {
    const { deps, changes } = setup();
    const body = signed({ Type: 'Notification', Message: JSON.stringify(EVENT) });
    const answer = await handleWebhook(request(body, { 'x-amz-sns-message-type': 'Notification' }, `token=${TOKEN}`), deps);
    expect(answer.status).toBe(202);
    expect(changes.map((c) => c.repositoryName)).toEqual(['payments']);
  });

  it('refuses an SNS notification whose message was altered after signing (403), even with the token', async () => {
    const { deps, changes } = setup();
    const body = JSON.parse(signed({ Type: 'Notification', Message: JSON.stringify(EVENT) })) as Record<string, string>;
    body['Message'] = JSON.stringify({ ...EVENT, detail: { ...EVENT.detail, repositoryName: 'other' } });
    const answer = await handleWebhook(request(JSON.stringify(body), SNS_HEADERS, `token=${TOKEN}`), deps);
    expect(answer.status).toBe(403);
    expect(changes).toEqual([]);
  });

  it('refuses a signed SNS notification from a topic not in http.snsTopicArns', async () => {
    const { deps } = setup({ snsTopicArns: ['arn:aws:sns:eu-west-1:111122223333:another'] });
    const body = signed({ Type: 'Notification', Message: JSON.stringify(EVENT) });
    expect((await handleWebhook(request(body, SNS_HEADERS, `token=${TOKEN}`), deps)).status).toBe(403);
  });

  it('confirms an SNS subscription by fetching its SubscribeURL', async () => {
    const { deps, fetched } = setup();
    const subscribeUrl = `https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${TOPIC}&Token=abc`;
    const body = signed({ Type: 'SubscriptionConfirmation', Message: 'confirm', SubscribeURL: subscribeUrl, Token: 'abc' });
    const answer = await handleWebhook(request(body, { 'x-amz-sns-message-type': 'SubscriptionConfirmation' }, `token=${TOKEN}`), deps);
    expect(answer).toEqual({ status: 200, body: { confirmed: true } });
    expect(fetched).toEqual([new URL(subscribeUrl).toString()]);
  });

  it('does not fetch a SubscribeURL outside SNS', async () => {
    const { deps, fetched } = setup();
    const body = signed({ Type: 'SubscriptionConfirmation', Message: 'confirm', SubscribeURL: 'https://evil.example.test/confirm', Token: 'abc' });
    expect((await handleWebhook(request(body, SNS_HEADERS, `token=${TOKEN}`), deps)).status).toBe(400);
    expect(fetched).toEqual([]);
  });

  it('accepts the query token only on a request that says it is an SNS delivery', async () => {
    const { deps, changes } = setup();
    const body = signed({ Type: 'Notification', Message: JSON.stringify(EVENT) });
    expect((await handleWebhook(request(body, {}, `token=${TOKEN}`), deps)).status).toBe(401);
    expect(changes).toEqual([]);
  });

  it('answers 400 to a body that is not JSON, directly or as an SNS delivery', async () => {
    const { deps, changes } = setup();
    expect(await handleWebhook(request('{"source": aws.codecommit', { authorization: `Bearer ${TOKEN}` }), deps)).toEqual({
      status: 400,
      body: { error: 'body is not JSON' },
    });
    expect((await handleWebhook(request('not json', SNS_HEADERS, `token=${TOKEN}`), deps)).status).toBe(400);
    expect(changes).toEqual([]);
  });

  it('logs an event that is not a CodeCommit change with the repository it names, and queues nothing', async () => {
    const memory = createMemoryLogger();
    const { deps, changes } = setup({ log: memory.log });
    const odd = { ...EVENT, detail: { ...EVENT.detail, repositoryName: 'pay ments!' } };
    const answer = await handleWebhook(request(JSON.stringify(odd), { authorization: `Bearer ${TOKEN}` }), deps);
    expect(answer).toEqual({ status: 202, body: { queued: [], ignored: true } });
    expect(changes).toEqual([]);
    expect(memory.lines().find((l) => l['msg'] === 'Webhook event is not a CodeCommit repository change; ignored')).toMatchObject({
      level: 40,
      source: 'aws.codecommit',
      repository: 'pay ments!',
    });
  });

  it('acts once on an SNS MessageId delivered twice, and on each distinct MessageId', async () => {
    const { deps, changes } = setup();
    const first = signed({ Type: 'Notification', Message: JSON.stringify(EVENT), MessageId: 'dup-1' });
    expect((await handleWebhook(request(first, SNS_HEADERS, `token=${TOKEN}`), deps)).status).toBe(202);
    expect(await handleWebhook(request(first, SNS_HEADERS, `token=${TOKEN}`), deps)).toEqual({ status: 200, body: { duplicate: true } });
    const second = signed({ Type: 'Notification', Message: JSON.stringify(EVENT), MessageId: 'dup-2' });
    expect((await handleWebhook(request(second, SNS_HEADERS, `token=${TOKEN}`), deps)).status).toBe(202);
    expect(changes).toHaveLength(2);
  });

  it('answers 202 only once the scan is queued, and 503 when queueing it failed, so the sender delivers again', async () => {
    let down = true;
    let finishQueueing!: () => void;
    const queueWrite = new Promise<void>((done) => (finishQueueing = done));
    const { deps } = setup({
      onChanges: async (list) => {
        await queueWrite;
        if (down) throw new Error('connection terminated');
        return list.map((c) => c.repositoryName);
      },
    });
    let settled = false;
    const pending = handleWebhook(request(JSON.stringify(EVENT), { authorization: `Bearer ${TOKEN}` }), deps).finally(() => (settled = true));
    await new Promise((tick) => setImmediate(tick));
    expect(settled).toBe(false);
    finishQueueing();
    expect(await pending).toEqual({ status: 503, body: { error: 'scan could not be queued; deliver again' } });

    // Through SNS: the failed delivery is not taken for done, so SNS's retry of the same MessageId is acted on.
    const body = signed({ Type: 'Notification', Message: JSON.stringify(EVENT), MessageId: 'q-1' });
    expect((await handleWebhook(request(body, SNS_HEADERS, `token=${TOKEN}`), deps)).status).toBe(503);
    down = false;
    expect(await handleWebhook(request(body, SNS_HEADERS, `token=${TOKEN}`), deps)).toEqual({ status: 202, body: { queued: ['payments'] } });
  });

  it('refuses an authentic SNS delivery whose Timestamp is more than an hour old (a replay)', async () => {
    const { deps, changes } = setup();
    const old = signed({ Type: 'Notification', Message: JSON.stringify(EVENT), Timestamp: new Date(Date.now() - 61 * 60_000).toISOString() });
    expect((await handleWebhook(request(old, SNS_HEADERS, `token=${TOKEN}`), deps)).status).toBe(403);
    expect(changes).toEqual([]);
  });

  function confirmation(messageId: string): string {
    const subscribeUrl = `https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${TOPIC}&Token=abc`;
    return signed({ Type: 'SubscriptionConfirmation', Message: 'confirm', SubscribeURL: subscribeUrl, Token: 'abc', MessageId: messageId });
  }

  it('gives up a SubscribeURL fetch that does not answer in time (504), and lets SNS retry the same message', async () => {
    const signals: AbortSignal[] = [];
    const memory = createMemoryLogger();
    const { deps } = setup({
      log: memory.log,
      confirmTimeoutMs: 50,
      fetch: (_url, signal) => {
        signals.push(signal);
        return new Promise(() => undefined);
      },
    });
    const headers = { 'x-amz-sns-message-type': 'SubscriptionConfirmation' };
    expect(await handleWebhook(request(confirmation('c-1'), headers, `token=${TOKEN}`), deps)).toEqual({ status: 504, body: { error: 'confirmation timed out' } });
    expect(signals[0]?.aborted).toBe(true);
    expect(memory.lines().some((l) => l['msg'] === 'SNS subscription confirmation timed out')).toBe(true);
    expect((await handleWebhook(request(confirmation('c-1'), headers, `token=${TOKEN}`), deps)).status).toBe(504);
    expect(signals).toHaveLength(2);
  });

  it('answers 502 when the SubscribeURL fetch fails outright', async () => {
    const { deps } = setup({ fetch: async () => Promise.reject(new Error('ECONNRESET')) });
    const headers = { 'x-amz-sns-message-type': 'SubscriptionConfirmation' };
    expect((await handleWebhook(request(confirmation('c-2'), headers, `token=${TOKEN}`), deps)).status).toBe(502);
  });
});

describe('indicators through the webhook', () => {
  const finding = {
    source: 'aws.guardduty',
    'detail-type': 'GuardDuty Finding',
    detail: { id: 'f-9', type: 'Exfiltration:S3/MaliciousIPCaller', severity: 8, region: 'eu-west-1', accountId: '111122223333', updatedAt: '2026-12-01T10:00:00Z', resource: { s3BucketDetails: [{ name: 'code' }] } },
  };

  it('hands a GuardDuty finding from EventBridge to the engine (202), and answers 503 when it defers so EventBridge retries', async () => {
    const seen: string[] = [];
    let answer: 'deferred' | void = undefined;
    const { deps, changes } = setup({ onIndicator: async (indicator) => {
      seen.push(`${indicator.source}:${indicator.id}:${indicator.buckets.join(',')}`);
      return answer;
    } });
    expect(await handleWebhook(request(JSON.stringify(finding), { 'x-leakwatch-token': TOKEN }), deps)).toEqual({ status: 202, body: { indicator: 'f-9' } });
    answer = 'deferred';
    expect((await handleWebhook(request(JSON.stringify(finding), { 'x-leakwatch-token': TOKEN }), deps)).status).toBe(503);
    expect(seen).toEqual(['guardduty:f-9:code', 'guardduty:f-9:code']);
    expect(changes).toEqual([]);
  });

  it('still ignores a finding of a type outside the playbook', async () => {
    const seen: string[] = [];
    const { deps } = setup({ onIndicator: async (indicator) => void seen.push(indicator.id) });
    const other = { ...finding, detail: { ...finding.detail, type: 'Recon:EC2/Portscan' } };
    expect((await handleWebhook(request(JSON.stringify(other), { 'x-leakwatch-token': TOKEN }), deps)).body).toMatchObject({ ignored: true });
    expect(seen).toEqual([]);
  });
});
