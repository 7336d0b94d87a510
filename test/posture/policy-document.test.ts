import { describe, expect, it } from 'vitest';
import { findGrant, findServiceWildcardGrant, parsePolicyDocument } from '../../src/posture/policy-document.js';

const doc = (source: string, statements: unknown[]) => parsePolicyDocument(source, encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: statements })));

describe('policy documents', () => {
  it('reads URL-encoded documents as IAM returns them, and plain JSON', () => {
    expect(doc('a', [{ Effect: 'Allow', Action: 'codecommit:GitPull', Resource: '*' }]).statements[0]!.Action).toEqual(['codecommit:GitPull']);
    expect(parsePolicyDocument('b', '{"Statement":{"Effect":"Deny","NotAction":"s3:*","Resource":"*"}}').statements[0]!.NotAction).toEqual(['s3:*']);
    expect(() => parsePolicyDocument('c', '{"Statement":[{"Effect":"Maybe"}]}')).toThrow('not a valid IAM policy document');
  });

  it('finds a grant through action wildcards, NotAction and resource patterns', () => {
    expect(findGrant([doc('p', [{ Effect: 'Allow', Action: 'codecommit:Git*', Resource: 'arn:aws:codecommit:eu-west-1:1:app' }])], 'codecommit:GitPush', 'arn:aws:codecommit:*')?.source).toBe('p');
    expect(findGrant([doc('p', [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }])], 'codecommit:GitPull')?.source).toBe('p');
    expect(findGrant([doc('p', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }])], 'codecommit:GitPull')).toBeUndefined();
    expect(findGrant([doc('p', [{ Effect: 'Allow', Action: 'codecommit:GitPull', Resource: 'arn:aws:s3:::b' }])], 'codecommit:GitPull', 'arn:aws:codecommit:*')).toBeUndefined();
  });

  it('lets only an unconditional Deny on every resource take a grant away', () => {
    const allow = doc('allow', [{ Effect: 'Allow', Action: 'codecommit:*', Resource: '*' }]);
    expect(findGrant([allow, doc('deny', [{ Effect: 'Deny', Action: 'codecommit:*', Resource: '*' }])], 'codecommit:GitPush')).toBeUndefined();
    const conditional = doc('deny', [{ Effect: 'Deny', Action: 'codecommit:*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }]);
    expect(findGrant([allow, conditional], 'codecommit:GitPush')?.source).toBe('allow');
  });

  it('tells a codecommit:* (or *) grant on * from narrower ones', () => {
    expect(findServiceWildcardGrant([doc('full', [{ Effect: 'Allow', Action: ['CodeCommit:*'], Resource: '*' }])], 'codecommit')?.source).toBe('full');
    expect(findServiceWildcardGrant([doc('admin', [{ Effect: 'Allow', Action: '*', Resource: '*' }])], 'codecommit')?.source).toBe('admin');
    expect(findServiceWildcardGrant([doc('one', [{ Effect: 'Allow', Action: 'codecommit:*', Resource: 'arn:aws:codecommit:us-east-1:1:app' }])], 'codecommit')).toBeUndefined();
    expect(findServiceWildcardGrant([doc('pull', [{ Effect: 'Allow', Action: 'codecommit:GitPull', Resource: '*' }])], 'codecommit')).toBeUndefined();
  });
});
