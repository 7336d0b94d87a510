/**
 * Verifies an SNS HTTPS delivery before the webhook acts on it: the signed fields in their
 * canonical order (Notification vs Subscription/UnsubscribeConfirmation), SignatureVersion 1
 * (SHA1) or 2 (SHA256), with the certificate from the topic region's SNS host. A message whose
 * `Timestamp` is more than an hour old (or more than a few minutes ahead of our clock) is refused
 * before any certificate is fetched: a captured delivery cannot be replayed later, and the
 * webhook only has to remember message ids for that long (seen-message-ids.ts).
 *
 * Hand-written over node:crypto rather than sns-payload-validator because that library fetches
 * certificates itself (tests could not inject one) and keeps its cache private.
 */
import { createVerify } from 'node:crypto';
import { z } from 'zod';
import { LeakwatchError } from '../errors.js';
import {
  checkSigningCertUrl,
  createCertificateCache,
  fetchCertificateOverHttps,
} from './sns-signing-certificate.js';
import type { CertificateFetcher } from './sns-signing-certificate.js';

const common = {
  MessageId: z.string().min(1),
  TopicArn: z.string().regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256}$/),
  Message: z.string(),
  Timestamp: z.string().min(1),
  SignatureVersion: z.enum(['1', '2']),
  Signature: z.string().min(1),
  SigningCertURL: z.string().min(1),
};

const notificationSchema = z.object({
  Type: z.literal('Notification'),
  ...common,
  Subject: z.string().optional(),
  UnsubscribeURL: z.string().optional(),
});

const confirmationSchema = z.object({
  Type: z.enum(['SubscriptionConfirmation', 'UnsubscribeConfirmation']),
  ...common,
  Token: z.string().min(1),
  SubscribeURL: z.string().min(1),
});

const snsMessageSchema = z.discriminatedUnion('Type', [notificationSchema, confirmationSchema]);

export type SnsMessage = z.infer<typeof snsMessageSchema>;

/** The string SNS signs: `key\nvalue\n` for each signed field present, in this order. */
export function snsStringToSign(message: SnsMessage): string {
  const keys =
    message.Type === 'Notification'
      ? (['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'] as const)
      : (['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'] as const);
  let text = '';
  for (const key of keys) {
    const value = (message as Record<string, unknown>)[key];
    if (typeof value === 'string') text += `${key}\n${value}\n`;
  }
  return text;
}

/** How old a message may be: SNS retries a delivery for up to an hour under the longest policy. */
export const SNS_MAX_AGE_MS = 60 * 60 * 1000;
/** How far ahead of our clock a Timestamp may be (clock skew between SNS and this host). */
export const SNS_MAX_FUTURE_MS = 5 * 60 * 1000;

export interface SnsVerifierOptions {
  fetchCertificate?: CertificateFetcher;
  now?: () => Date;
}

export interface SnsVerifier {
  /** Resolves with the message when it is authentic; rejects with a LeakwatchError otherwise. */
  verify(body: unknown): Promise<SnsMessage>;
}

function topicRegion(topicArn: string): string {
  return topicArn.split(':')[3]!;
}

export function createSnsVerifier(options: SnsVerifierOptions = {}): SnsVerifier {
  const certificates = createCertificateCache(options.fetchCertificate ?? fetchCertificateOverHttps);
  const now = options.now ?? (() => new Date());
  return {
    async verify(body) {
      let data = body;
      if (typeof body === 'string') {
        try {
          data = JSON.parse(body) as unknown;
        } catch {
          throw new LeakwatchError('aws', 'SNS message is not JSON');
        }
      }
      const parsed = snsMessageSchema.safeParse(data);
      if (!parsed.success) {
        const where = parsed.error.issues.map((issue) => issue.path.join('.') || issue.message).join(', ');
        throw new LeakwatchError('aws', `Not an SNS message (bad or missing: ${where})`);
      }
      const message = parsed.data;
      const at = now().getTime();
      const sent = Date.parse(message.Timestamp);
      if (Number.isNaN(sent)) throw new LeakwatchError('aws', 'SNS message Timestamp is not a date');
      if (at - sent > SNS_MAX_AGE_MS) throw new LeakwatchError('aws', 'SNS message is more than an hour old (a replay?)');
      if (sent - at > SNS_MAX_FUTURE_MS) throw new LeakwatchError('aws', 'SNS message Timestamp is in the future; check this host\'s clock');
      const url = checkSigningCertUrl(message.SigningCertURL, topicRegion(message.TopicArn));
      const certificate = await certificates.get(url);
      if (at < Date.parse(certificate.validFrom) || at > Date.parse(certificate.validTo)) {
        throw new LeakwatchError('aws', 'SNS signing certificate is not valid now');
      }
      const verifier = createVerify(message.SignatureVersion === '1' ? 'RSA-SHA1' : 'RSA-SHA256');
      verifier.update(snsStringToSign(message), 'utf8');
      if (!verifier.verify(certificate.publicKey, message.Signature, 'base64')) {
        throw new LeakwatchError('aws', 'SNS message signature is invalid');
      }
      return message;
    },
  };
}
