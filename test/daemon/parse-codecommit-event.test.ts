import { describe, expect, it } from 'vitest';
import { parseCodecommitEvent } from '../../src/daemon/parse-codecommit-event.js';

const sha = (char: string) => char.repeat(40);

const eventBridge = {
  version: '0',
  id: '01234567-0123-0123-0123-012345678901',
  'detail-type': 'CodeCommit Repository State Change',
  source: 'aws.codecommit',
  account: '111122223333',
  time: '2026-11-28T12:00:00Z',
  region: 'eu-west-1',
  resources: ['arn:aws:codecommit:eu-west-1:111122223333:payments'],
  detail: {
    callerUserArn: 'arn:aws:iam::111122223333:user/dev',
    commitId: sha('a'),
    event: 'referenceUpdated',
    oldCommitId: sha('b'),
    referenceFullName: 'refs/heads/main',
    referenceName: 'main',
    referenceType: 'branch',
    repositoryId: '12345678-1234-5678-abcd-12345678abcd',
    repositoryName: 'payments',
  },
};

describe('parseCodecommitEvent', () => {
  it('reads an EventBridge repository state change', () => {
    expect(parseCodecommitEvent(eventBridge)).toEqual([
      { region: 'eu-west-1', account: '111122223333', repositoryName: 'payments', event: 'referenceUpdated', ref: 'refs/heads/main', commitId: sha('a') },
    ]);
  });

  it('reads the same event from a JSON string, as an SNS Message carries it', () => {
    expect(parseCodecommitEvent(JSON.stringify(eventBridge))).toHaveLength(1);
  });

  it('builds the full ref name for a tag event that gives only the short name', () => {
    const detail: Record<string, unknown> = { ...eventBridge.detail, referenceType: 'tag', referenceName: 'v1.0' };
    delete detail['referenceFullName'];
    expect(parseCodecommitEvent({ ...eventBridge, detail })[0]!.ref).toBe('refs/tags/v1.0');
  });

  it('reads every reference of a CodeCommit trigger notification', () => {
    const trigger = {
      Records: [
        {
          awsRegion: 'us-east-1',
          eventSource: 'aws:codecommit',
          eventSourceARN: 'arn:aws:codecommit:us-east-1:111122223333:billing',
          eventName: 'ReferenceChanges',
          codecommit: { references: [{ commit: sha('c'), ref: 'refs/heads/main' }, { commit: sha('d'), ref: 'refs/heads/dev' }] },
        },
      ],
    };
    expect(parseCodecommitEvent(trigger)).toEqual([
      { region: 'us-east-1', account: '111122223333', repositoryName: 'billing', event: 'ReferenceChanges', ref: 'refs/heads/main', commitId: sha('c') },
      { region: 'us-east-1', account: '111122223333', repositoryName: 'billing', event: 'ReferenceChanges', ref: 'refs/heads/dev', commitId: sha('d') },
    ]);
  });

  it.each([
    ['another service', { ...eventBridge, source: 'aws.s3' }],
    ['a pull request event', { ...eventBridge, 'detail-type': 'CodeCommit Pull Request State Change' }],
    ['a hostile repository name', { ...eventBridge, detail: { ...eventBridge.detail, repositoryName: '../../etc' } }],
    ['a trigger from another service', { Records: [{ eventSource: 'aws:s3', eventSourceARN: 'arn:aws:s3:::bucket' }] }],
    ['text that is not JSON', 'hello'],
    ['null', null],
  ])('yields no change for %s', (_label, body) => {
    expect(parseCodecommitEvent(body)).toEqual([]);
  });
});
