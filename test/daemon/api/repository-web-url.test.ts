import { describe, expect, it } from 'vitest';
import { repositoryWebUrl } from '../../../src/daemon/api/repository-web-url.js';
import type { Repository } from '../../../src/domain/repository.js';

const COMMIT = '0123456789abcdef0123456789abcdef01234567';

function repo(overrides: Partial<Repository>): Repository {
  return {
    id: 'static:x', name: 'payments api', cloneUrl: '/srv/git/x.git', source: 'static-file', owner: {}, escalationContacts: [],
    classification: 'internal', tags: {}, ownerMissing: false, ...overrides,
  };
}

describe('repositoryWebUrl', () => {
  it('links a CodeCommit repository to its AWS console page at the commit, file and line', () => {
    const r = repo({ source: 'codecommit', region: 'eu-west-1', name: 'payments' });
    expect(repositoryWebUrl(r, COMMIT, 'config/my settings.py', 12)).toBe(
      `https://eu-west-1.console.aws.amazon.com/codesuite/codecommit/repositories/payments/browse/${COMMIT}/--/config/my%20settings.py?region=eu-west-1&lines=12-12`,
    );
    expect(repositoryWebUrl(r, COMMIT, null, null)).toBe(`https://eu-west-1.console.aws.amazon.com/codesuite/codecommit/repositories/payments/commit/${COMMIT}?region=eu-west-1`);
  });

  it('uses a webUrl tag or a github.com clone URL, GitHub-style', () => {
    expect(repositoryWebUrl(repo({ tags: { webUrl: 'https://git.example.test/team/x/' } }), COMMIT, 'a/b.ts', 3)).toBe(`https://git.example.test/team/x/blob/${COMMIT}/a/b.ts#L3`);
    expect(repositoryWebUrl(repo({ cloneUrl: 'git@github.com:org/x.git' }), COMMIT, 'a.ts', null)).toBe(`https://github.com/org/x/blob/${COMMIT}/a.ts`);
    expect(repositoryWebUrl(repo({ cloneUrl: 'https://github.com/org/x.git' }), COMMIT, null, null)).toBe(`https://github.com/org/x/commit/${COMMIT}`);
  });

  it('gives no link rather than a guessed one: unknown hosts, a non-https tag, a commit that is not a hash', () => {
    expect(repositoryWebUrl(repo({}), COMMIT, 'a.ts', 1)).toBeNull();
    expect(repositoryWebUrl(repo({ tags: { webUrl: 'javascript:alert(1)' } }), COMMIT, 'a.ts', 1)).toBeNull();
    expect(repositoryWebUrl(repo({ cloneUrl: 'https://github.com/org/x.git' }), 'HEAD', 'a.ts', 1)).toBeNull();
  });
});
