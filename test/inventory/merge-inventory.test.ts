import { describe, expect, it } from 'vitest';
import { mergeInventory } from '../../src/inventory/merge-inventory.js';
import { resolveIncidentOwner } from '../../src/inventory/resolve-incident-owner.js';
import type { InventoryRecord } from '../../src/inventory/types.js';

const precedence = new Map([
  ['codecommit', 10],
  ['static-file', 100],
]);
const options = { precedence, defaultClassification: 'internal' as const };

function codecommit(name: string, region: string, extra: Partial<InventoryRecord> = {}): InventoryRecord {
  return {
    id: `codecommit:${region}:${name}`,
    name,
    source: 'codecommit',
    region,
    cloneUrl: `https://git-codecommit.${region}.amazonaws.com/v1/repos/${name}`,
    arn: `arn:aws:codecommit:${region}:111122223333:${name}`,
    owner: {},
    tags: {},
    ...extra,
  };
}

function fileEntry(name: string, extra: Partial<InventoryRecord> = {}): InventoryRecord {
  return { id: `static:${name}`, name, source: 'static-file', owner: {}, tags: {}, ...extra };
}

describe('mergeInventory', () => {
  it('lets the static file override tag values field by field and unites tags', () => {
    const merged = mergeInventory(
      [
        // The file is listed first on purpose: precedence, not input order, decides.
        fileEntry('payments', { owner: { email: 'file-owner@example.com' }, classification: 'restricted', tags: { tier: 'gold' } }),
        codecommit('payments', 'eu-west-1', {
          owner: { email: 'tag-owner@example.com', team: 'payments' },
          escalationContacts: ['oncall@example.com'],
          classification: 'internal',
          tags: { owner: 'tag-owner@example.com', tier: 'silver' },
        }),
      ],
      options,
    );
    expect(merged.repositories).toHaveLength(1);
    expect(merged.repositories[0]).toMatchObject({
      id: 'codecommit:eu-west-1:payments',
      source: 'codecommit',
      cloneUrl: 'https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/payments',
      owner: { email: 'file-owner@example.com', team: 'payments' },
      escalationContacts: ['oncall@example.com'],
      classification: 'restricted',
      tags: { owner: 'tag-owner@example.com', tier: 'gold' },
      ownerMissing: false,
    });
  });

  it('applies a file entry without a region to that name in every region, and one with a region to that region only', () => {
    const merged = mergeInventory(
      [
        codecommit('shared', 'eu-west-1'),
        codecommit('shared', 'us-east-1'),
        fileEntry('shared', { owner: { team: 'core' } }),
        fileEntry('shared', { region: 'us-east-1', owner: { email: 'us@example.com' } }),
      ],
      options,
    );
    expect(merged.repositories.map((repo) => [repo.region, repo.owner])).toEqual([
      ['eu-west-1', { team: 'core' }],
      ['us-east-1', { email: 'us@example.com', team: 'core' }],
    ]);
  });

  it('flags repositories with no owner e-mail and sends their incidents to the default owner', () => {
    const merged = mergeInventory([codecommit('orphan', 'eu-west-1', { owner: { team: 'someone' } })], options);
    const [orphan] = merged.repositories;
    expect(orphan!.ownerMissing).toBe(true);
    expect(resolveIncidentOwner(orphan!, 'security@example.com')).toEqual({ email: 'security@example.com', via: 'default-owner' });
    expect(resolveIncidentOwner(orphan!, undefined)).toEqual({ email: undefined, via: 'none' });
  });

  it('sends incidents of an owned repository to its owner, not the default', () => {
    const [owned] = mergeInventory([codecommit('owned', 'eu-west-1', { owner: { email: 'o@example.com' } })], options).repositories;
    expect(resolveIncidentOwner(owned!, 'security@example.com')).toEqual({ email: 'o@example.com', via: 'owner' });
  });

  it('gives unclassified repositories the default classification and no contacts', () => {
    const [repo] = mergeInventory([codecommit('plain', 'eu-west-1')], {
      precedence,
      defaultClassification: 'confidential',
    }).repositories;
    expect(repo!.classification).toBe('confidential');
    expect(repo!.escalationContacts).toEqual([]);
  });

  it('adds file entries with a clone URL as repositories and returns annotations that match nothing as unmatched', () => {
    const merged = mergeInventory(
      [codecommit('known', 'eu-west-1'), fileEntry('local', { cloneUrl: '/srv/git/local.git' }), fileEntry('ghost')],
      options,
    );
    expect(merged.repositories.map((repo) => repo.id)).toEqual(['codecommit:eu-west-1:known', 'static:local']);
    expect(merged.unmatched.map((record) => record.name)).toEqual(['ghost']);
  });

  it('lets a later file entry refine what an earlier pattern set', () => {
    const merged = mergeInventory(
      [
        fileEntry('alpha', { cloneUrl: '/repos/alpha.git', owner: { team: 'platform' }, classification: 'internal' }),
        fileEntry('alpha', { owner: { email: 'alpha@example.com' } }),
      ],
      options,
    );
    expect(merged.repositories).toEqual([
      expect.objectContaining({ owner: { email: 'alpha@example.com', team: 'platform' }, classification: 'internal', ownerMissing: false }),
    ]);
  });
});
