/**
 * Maps an AWS SDK or Octokit error to a timeline outcome, so a provider records throttling,
 * missing permissions and already-gone resources instead of crashing the daemon. Only the error
 * name and HTTP status are read: messages and request bodies may echo identifiers or, for
 * Octokit, the token we sent.
 */
import type { ActionOutcome } from '../domain/incident.js';

export type ErrorClass = 'throttled' | 'access-denied' | 'not-found' | 'invalid-credential' | 'server' | 'other';

export interface ClassifiedError {
  kind: ErrorClass;
  outcome: Extract<ActionOutcome, 'failed' | 'skipped'>;
  retryable: boolean;
  /** Error name or HTTP status, safe to record. */
  code: string;
}

const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
]);
const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedAccess',
  'AuthorizationError',
]);
const NOT_FOUND = new Set(['NoSuchEntity', 'NoSuchEntityException', 'ResourceNotFoundException', 'NotFoundException']);
const INVALID_CREDENTIAL = new Set([
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'ExpiredTokenException',
  'UnrecognizedClientException',
]);

interface ErrorShape {
  name?: unknown;
  status?: unknown;
  $fault?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

export function classifyError(err: unknown): ClassifiedError {
  const shape: ErrorShape = typeof err === 'object' && err !== null ? (err as ErrorShape) : {};
  const name = typeof shape.name === 'string' ? shape.name : 'Error';
  const status =
    typeof shape.status === 'number'
      ? shape.status
      : typeof shape.$metadata?.httpStatusCode === 'number'
        ? shape.$metadata.httpStatusCode
        : undefined;
  const code = status !== undefined && name === 'HttpError' ? `HTTP ${status}` : name;

  if (THROTTLING.has(name) || status === 429 || shape.$retryable !== undefined) {
    return { kind: 'throttled', outcome: 'failed', retryable: true, code };
  }
  if (INVALID_CREDENTIAL.has(name) || status === 401) {
    return { kind: 'invalid-credential', outcome: 'failed', retryable: false, code };
  }
  if (ACCESS_DENIED.has(name) || status === 403) {
    return { kind: 'access-denied', outcome: 'failed', retryable: false, code };
  }
  if (NOT_FOUND.has(name) || status === 404) {
    return { kind: 'not-found', outcome: 'skipped', retryable: false, code };
  }
  if (shape.$fault === 'server' || (status !== undefined && status >= 500)) {
    return { kind: 'server', outcome: 'failed', retryable: true, code };
  }
  return { kind: 'other', outcome: 'failed', retryable: false, code };
}
