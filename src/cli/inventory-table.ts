/**
 * Renders the inventory as a plain-text table for `leakwatch inventory`, marking repositories
 * with no owner and where their incidents will go instead.
 */
import type { CodeStore } from '../domain/code-store.js';
import type { Repository } from '../domain/repository.js';
import { escapeField } from '../util/terminal-text.js';

const HEADERS = ['REPOSITORY', 'KIND', 'SOURCE', 'REGION', 'OWNER', 'TEAM', 'CLASSIFICATION'] as const;

type Listed = Pick<Repository, 'name' | 'source' | 'region' | 'owner' | 'classification' | 'ownerMissing'> & { kind: string };

function kindOf(repository: Repository): string {
  return repository.cloneUrl.startsWith('codecommit://') || repository.source === 'codecommit' || /git-codecommit\./.test(repository.cloneUrl) ? 'codecommit' : 'git';
}

function storeKind(store: CodeStore): string {
  if (store.location.kind === 's3') return 's3';
  const id = store.location.resourceId;
  return id.startsWith('ami-') ? 'ec2 ami' : id.startsWith('snap-') ? 'ec2 snapshot' : 'ec2 instance';
}

function ownerCell(repository: Listed, defaultOwner: string | undefined): string {
  if (!repository.ownerMissing) return repository.owner.email!;
  return defaultOwner === undefined ? 'MISSING' : `MISSING (→ ${defaultOwner})`;
}

export function renderInventoryTable(repos: readonly Repository[], defaultOwner: string | undefined, stores: readonly CodeStore[] = []): string {
  const repositories: Listed[] = [
    ...repos.map((r) => ({ ...r, kind: kindOf(r) })),
    ...stores.map((s) => ({ ...s, kind: storeKind(s) })),
  ];
  const rows = repositories.map((repository) => [
    repository.name,
    repository.kind,
    repository.source,
    repository.region ?? '-',
    ownerCell(repository, defaultOwner),
    repository.owner.team ?? '-',
    repository.classification,
  ].map(escapeField));
  const widths = HEADERS.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: readonly string[]): string =>
    cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  const missing = repositories.filter((repository) => repository.ownerMissing).length;
  const summary =
    `${repos.length} repositories, ${stores.length} code stores, ${missing} without owner` +
    (missing > 0
      ? defaultOwner === undefined
        ? ' (set inventory.defaultOwner so their incidents reach someone)'
        : ` (their incidents go to ${defaultOwner})`
      : '');
  return [line(HEADERS), ...rows.map(line), '', summary, ''].join('\n');
}
