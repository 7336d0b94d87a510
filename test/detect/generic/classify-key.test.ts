import { describe, expect, it } from 'vitest';
import { classifyKey, keyWords } from '../../../src/detect/generic/classify-key.js';

describe('classifyKey', () => {
  it('splits keys into words whatever the case style', () => {
    expect(keyWords('dbPassword')).toEqual(['db', 'password']);
    expect(keyWords('DB_PASSWORD')).toEqual(['db', 'password']);
    expect(keyWords('oauth.consumer-key')).toEqual(['oauth', 'consumer', 'key']);
  });
  it('calls names that hold only secrets strong', () => {
    for (const k of ['password', 'DB_PASSWORD', 'clientSecret', 'api_key', 'AUTH_SALT', 'oauth_consumer_key', 'dbpassword', 'access_token']) {
      expect(classifyKey(k), k).toBe('strong');
    }
  });
  it('calls names that often hold secrets weak', () => {
    for (const k of ['token', 'LOGGED_IN_KEY', 'oauth_nonce', 'credentials']) expect(classifyKey(k), k).toBe('weak');
  });
  it('calls names about a secret none', () => {
    for (const k of ['password_hash', 'secret_name', 'token_type', 'passwordField', 'max_tokens_count', 'api_key_id', 'host', 'secretsmanager', 'secret.level', 'SALT_CHARS', 'salt_entropy', 'pass_arg', 'password_validation.py', 'SECRET_KEY_INSECURE_PREFIX']) {
      expect(classifyKey(k), k).toBe('none');
    }
  });
});

describe('classifyKey: tokens that are not credentials', () => {
  it('calls paging, idempotency and device tokens none', () => {
    for (const k of ['NextToken', 'continuation_token', 'ClientRequestToken', 'pageToken', 'deviceToken', 'output_token', 'csrf_token']) expect(classifyKey(k), k).toBe('none');
  });
  it('keeps a secret of a thing whose name ends like a describing word', () => {
    expect(classifyKey('KEYSTORE_PASSWORD')).toBe('strong');
  });
});


describe('classifyKey: plural acronyms', () => {
  it('reads KeyIDs and URLs as one word, so they describe', () => {
    expect(classifyKey('signingKeyIDs')).toBe('none');
    expect(classifyKey('tokenURLs')).toBe('none');
    expect(classifyKey('signingKey')).toBe('strong');
  });
});
