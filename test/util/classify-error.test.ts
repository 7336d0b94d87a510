import { describe, expect, it } from 'vitest';
import { classifyError } from '../../src/util/classify-error.js';
import { awsError } from '../helpers/aws-calls.js';

describe('classifyError', () => {
  it('treats AWS throttling and HTTP 429 as retryable failures', () => {
    expect(classifyError(awsError('Throttling'))).toMatchObject({ kind: 'throttled', outcome: 'failed', retryable: true });
    expect(classifyError({ name: 'HttpError', status: 429 })).toMatchObject({ kind: 'throttled', retryable: true, code: 'HTTP 429' });
  });

  it('treats AccessDenied as a failure a person must handle', () => {
    expect(classifyError(awsError('AccessDenied'))).toMatchObject({ kind: 'access-denied', outcome: 'failed', retryable: false });
  });

  it('treats NoSuchEntity and ResourceNotFoundException as skipped, not failed', () => {
    expect(classifyError(awsError('NoSuchEntity'))).toMatchObject({ kind: 'not-found', outcome: 'skipped' });
    expect(classifyError(awsError('ResourceNotFoundException'))).toMatchObject({ kind: 'not-found', outcome: 'skipped' });
  });

  it('treats server faults as retryable and anything else as a plain failure', () => {
    expect(classifyError(awsError('InternalFailure', { $fault: 'server', $metadata: { httpStatusCode: 500 } }))).toMatchObject({ kind: 'server', retryable: true });
    expect(classifyError('weird')).toMatchObject({ kind: 'other', retryable: false, code: 'Error' });
  });

  it('records only the error name, never its message', () => {
    const err = Object.assign(new Error('token abc123 rejected'), { name: 'AccessDenied' });
    expect(JSON.stringify(classifyError(err))).not.toContain('abc123');
  });
});
