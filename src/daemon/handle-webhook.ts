/**
 * `POST /webhook/codecommit`: who may call it and what a call does. A caller with the token in
 * a header may post an EventBridge event (or a trigger record) directly. SNS cannot send
 * headers, so an SNS delivery carries the token as `?token=` and must also be signed by SNS
 * for one of the configured topics; its subscription confirmation is answered by fetching the
 * SubscribeURL (an SNS host only, within a time limit). A repeated SNS MessageId is acted on
 * once. Each change names a repository to scan now; a GuardDuty finding or a CloudTrail event
 * around a code store (EventBridge) goes to the incident engine as an indicator. A change is
 * answered 202 only once its scans are durably queued, 503 when they could not be.
 *
 * The token is checked from the request line and headers alone (`authorizeWebhook`), so the
 * server refuses a caller without it before reading a byte of its body.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from '../logger.js';
import type { Indicator } from '../domain/indicator.js';
import { parseEventBridgeIndicator } from '../watch/indicators/parse-eventbridge-indicator.js';
import type { CodecommitChange } from './parse-codecommit-event.js';
import { parseCodecommitEvent } from './parse-codecommit-event.js';
import type { SeenMessageIds } from './seen-message-ids.js';
import type { SnsMessage, SnsVerifier } from './verify-sns-message.js';

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
  /** SNS MessageIds already acted on. */
  seenMessages: SeenMessageIds;
  /** Fetches a SubscribeURL; must give up when `signal` aborts. */
  fetch: (url: string, signal: AbortSignal) => Promise<{ ok: boolean; status: number }>;
  /** Time allowed to fetch a SubscribeURL (default 10 s). */
  confirmTimeoutMs?: number;
  /**
   * Queues a scan for each known repository the change names; resolves with their ids once the
   * jobs are durably queued, rejects when a job could not be (the reply is then 503).
   */
  onChanges: (changes: CodecommitChange[]) => Promise<string[]>;
  /**
   * Answers an indicator (a GuardDuty finding or a CloudTrail event around a code store, from
   * EventBridge); `'deferred'` makes the reply 503 so the sender delivers it again. Unset:
   * indicators are ignored like any other event.
   */
  onIndicator?: (indicator: Indicator) => Promise<'deferred' | void>;
  log: Logger;
}

const CONFIRM_TIMEOUT_MS = 10_000;

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

type Authorized = { by: 'header' | 'sns-query' };

/**
 * The refusal for a request that may not use the webhook, from its headers and query alone; or
 * how it is authorized. SNS always sends `x-amz-sns-message-type`, so a query token is accepted
 * only on a request that says it is an SNS delivery (whose signature is then required).
 */
export function authorizeWebhook(headers: IncomingHttpHeaders, query: URLSearchParams, deps: Pick<WebhookDeps, 'token'>): WebhookResponse | Authorized {
  if (deps.token === undefined) return { status: 404, body: { error: 'webhook disabled: set http.webhookToken' } };
  if (sameToken(headerToken(headers), deps.token)) return { by: 'header' };
  // The query token alone is not enough: it may sit in a proxy log. Only a signed SNS delivery may use it.
  const snsHeader = typeof headers['x-amz-sns-message-type'] === 'string';
  if (snsHeader && sameToken(query.get('token') ?? undefined, deps.token)) return { by: 'sns-query' };
  return { status: 401, body: { error: 'missing or wrong token' } };
}

function isSnsShaped(data: unknown): boolean {
  const fields = data as { Type?: unknown; TopicArn?: unknown } | null;
  return typeof fields === 'object' && fields !== null && typeof fields.Type === 'string' && typeof fields.TopicArn === 'string';
}

const SNS_HOST = /^sns\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$/;

async function fetchWithin(deps: WebhookDeps, url: string): Promise<{ ok: boolean; status: number } | 'timeout'> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  // Raced as well as passed on: a fetcher that ignores the signal still cannot hold the request.
  const timeout = new Promise<'timeout'>((done) => {
    timer = setTimeout(() => {
      controller.abort();
      done('timeout');
    }, deps.confirmTimeoutMs ?? CONFIRM_TIMEOUT_MS);
  });
  try {
    return await Promise.race([deps.fetch(url, controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function confirmSubscription(message: Extract<SnsMessage, { SubscribeURL: string }>, deps: WebhookDeps): Promise<WebhookResponse> {
  const url = new URL(message.SubscribeURL);
  if (url.protocol !== 'https:' || !SNS_HOST.test(url.hostname)) return { status: 400, body: { error: 'SubscribeURL is not an SNS host' } };
  let answer;
  try {
    answer = await fetchWithin(deps, url.toString());
  } catch (err) {
    deps.log.error({ topicArn: message.TopicArn, err: (err as Error).message }, 'SNS subscription confirmation failed');
    return { status: 502, body: { error: 'confirmation failed' } };
  }
  if (answer === 'timeout') {
    deps.log.error({ topicArn: message.TopicArn, timeoutMs: deps.confirmTimeoutMs ?? CONFIRM_TIMEOUT_MS }, 'SNS subscription confirmation timed out');
    return { status: 504, body: { error: 'confirmation timed out' } };
  }
  if (!answer.ok) {
    deps.log.error({ topicArn: message.TopicArn, status: answer.status }, 'SNS subscription confirmation failed');
    return { status: 502, body: { error: 'confirmation failed' } };
  }
  deps.log.info({ topicArn: message.TopicArn }, 'SNS subscription confirmed');
  return { status: 200, body: { confirmed: true } };
}

/** A short, printable description of what an ignored event names, for the log. */
function describeIgnored(data: unknown): Record<string, unknown> {
  const event = (data ?? {}) as { source?: unknown; 'detail-type'?: unknown; detail?: { repositoryName?: unknown } | null };
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value.slice(0, 200) : undefined);
  return { source: text(event.source), detailType: text(event['detail-type']), repository: text(event.detail?.repositoryName) };
}

async function act(data: unknown, deps: WebhookDeps): Promise<WebhookResponse> {
  const changes = parseCodecommitEvent(data);
  const indicator = changes.length === 0 && deps.onIndicator !== undefined ? parseEventBridgeIndicator(data) : undefined;
  if (indicator !== undefined) {
    const answer = await deps.onIndicator!(indicator);
    deps.log.info({ indicator: indicator.id, source: indicator.source, type: indicator.type, deferred: answer === 'deferred' }, 'Webhook indicator received');
    return answer === 'deferred' ? { status: 503, body: { indicator: indicator.id, deferred: true } } : { status: 202, body: { indicator: indicator.id } };
  }
  if (changes.length === 0) {
    deps.log.warn(describeIgnored(data), 'Webhook event is not a CodeCommit repository change; ignored');
    return { status: 202, body: { queued: [], ignored: true } };
  }
  let queued: string[];
  try {
    queued = await deps.onChanges(changes);
  } catch (err) {
    // 202 would tell the sender the push is safe with us; only a 5xx makes it deliver again.
    deps.log.error({ changes: changes.length, err: (err as Error).message }, 'Webhook change could not be queued');
    return { status: 503, body: { error: 'scan could not be queued; deliver again' } };
  }
  deps.log.info({ changes: changes.length, queued }, 'Webhook received');
  return { status: 202, body: { queued } };
}

function parseJson(text: string): { data: unknown } | null {
  try {
    return { data: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}

export async function handleWebhook(request: WebhookRequest, deps: WebhookDeps): Promise<WebhookResponse> {
  const authorized = authorizeWebhook(request.headers, request.query, deps);
  if ('status' in authorized) return authorized;
  const body = parseJson(request.body);
  if (body === null) return { status: 400, body: { error: 'body is not JSON' } };
  const sns = authorized.by === 'sns-query' || isSnsShaped(body.data);
  if (!sns) return await act(body.data, deps);

  let message;
  try {
    message = await deps.verifier.verify(body.data);
  } catch (err) {
    deps.log.warn({ err: (err as Error).message }, 'Refused an SNS delivery');
    return { status: 403, body: { error: 'SNS message not authentic' } };
  }
  if (!deps.snsTopicArns.includes(message.TopicArn)) {
    deps.log.warn({ topicArn: message.TopicArn }, 'Refused an SNS delivery from a topic not in http.snsTopicArns');
    return { status: 403, body: { error: 'topic not allowed' } };
  }
  if (!deps.seenMessages.claim(message.MessageId, Date.parse(message.Timestamp))) {
    deps.log.info({ topicArn: message.TopicArn, messageId: message.MessageId }, 'Repeated SNS delivery ignored');
    return { status: 200, body: { duplicate: true } };
  }
  let answer: WebhookResponse;
  try {
    if (message.Type === 'SubscriptionConfirmation') answer = await confirmSubscription(message, deps);
    else if (message.Type === 'UnsubscribeConfirmation') answer = { status: 200, body: {} };
    else {
      const inner = parseJson(message.Message);
      if (inner === null) {
        deps.log.warn({ topicArn: message.TopicArn, messageId: message.MessageId }, 'SNS message is not JSON; ignored');
        answer = { status: 202, body: { queued: [], ignored: true } };
      } else answer = await act(inner.data, deps);
    }
  } catch (err) {
    deps.seenMessages.release(message.MessageId);
    throw err;
  }
  // A failed confirmation is retried by SNS with the same MessageId: let that retry through.
  if (answer.status >= 500) deps.seenMessages.release(message.MessageId);
  return answer;
}
