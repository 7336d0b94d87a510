/**
 * `POST /webhook/codecommit`: who may call it and what a call does. A caller with the token in
 * a header may post an EventBridge event (or a trigger record) directly. SNS cannot send
 * headers, so an SNS delivery carries the token as `?token=` and must also be signed by SNS
 * for one of the configured topics; its subscription confirmation is answered by fetching the
 * SubscribeURL (an SNS host only). Each change names a repository to scan now.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from '../logger.js';
import type { CodecommitChange } from './parse-codecommit-event.js';
import { parseCodecommitEvent } from './parse-codecommit-event.js';
import type { SnsVerifier } from './verify-sns-message.js';

export interface WebhookRequest {
  headers: IncomingHttpHeaders;
  query: URLSearchParams;
  body: string;
}

export interface WebhookResponse {
  status: number;
  body: Record<string, unknown>;
}

export interface WebhookDeps {
  /** Unset: the webhook is disabled. */
  token: string | undefined;
  snsTopicArns: readonly string[];
  verifier: SnsVerifier;
  fetch: (url: string) => Promise<{ ok: boolean; status: number }>;
  /** Queues a scan for each known repository the change names; returns their ids. */
  onChanges: (changes: CodecommitChange[]) => string[];
  log: Logger;
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function headerToken(headers: IncomingHttpHeaders): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  if (bearer) return bearer[1];
  const custom = headers['x-leakwatch-token'];
  return typeof custom === 'string' ? custom : undefined;
}

function looksLikeSns(request: WebhookRequest): boolean {
  if (request.headers['x-amz-sns-message-type'] !== undefined) return true;
  try {
    const data = JSON.parse(request.body) as { Type?: unknown; TopicArn?: unknown };
    return typeof data.Type === 'string' && typeof data.TopicArn === 'string';
  } catch {
    return false;
  }
}

const SNS_HOST = /^sns\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$/;

export async function handleWebhook(request: WebhookRequest, deps: WebhookDeps): Promise<WebhookResponse> {
  if (deps.token === undefined) return { status: 404, body: { error: 'webhook disabled: set http.webhookToken' } };
  const byHeader = sameToken(headerToken(request.headers), deps.token);
  const byQuery = sameToken(request.query.get('token') ?? undefined, deps.token);
  const sns = looksLikeSns(request);
  // The query token alone is not enough: it may sit in a proxy log. Only a signed SNS delivery may use it.
  if (!byHeader && !(byQuery && sns)) return { status: 401, body: { error: 'missing or wrong token' } };

  let payload: string = request.body;
  if (sns) {
    let message;
    try {
      message = await deps.verifier.verify(request.body);
    } catch (err) {
      deps.log.warn({ err: (err as Error).message }, 'Refused an SNS delivery');
      return { status: 403, body: { error: 'SNS message not authentic' } };
    }
    if (!deps.snsTopicArns.includes(message.TopicArn)) {
      deps.log.warn({ topicArn: message.TopicArn }, 'Refused an SNS delivery from a topic not in http.snsTopicArns');
      return { status: 403, body: { error: 'topic not allowed' } };
    }
    if (message.Type === 'SubscriptionConfirmation') {
      const url = new URL(message.SubscribeURL);
      if (url.protocol !== 'https:' || !SNS_HOST.test(url.hostname)) return { status: 400, body: { error: 'SubscribeURL is not an SNS host' } };
      const answer = await deps.fetch(url.toString());
      if (!answer.ok) {
        deps.log.error({ topicArn: message.TopicArn, status: answer.status }, 'SNS subscription confirmation failed');
        return { status: 502, body: { error: 'confirmation failed' } };
      }
      deps.log.info({ topicArn: message.TopicArn }, 'SNS subscription confirmed');
      return { status: 200, body: { confirmed: true } };
    }
    if (message.Type === 'UnsubscribeConfirmation') return { status: 200, body: {} };
    payload = message.Message;
  }
  const changes = parseCodecommitEvent(payload);
  const queued = deps.onChanges(changes);
  deps.log.info({ changes: changes.length, queued }, 'Webhook received');
  return { status: 202, body: { queued } };
}
