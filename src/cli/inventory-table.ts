/**
 * Renders the inventory as a plain-text table for `leakwatch inventory`, marking repositories
 * with no owner and where their incidents will go instead.
 */
import type { Repository } from '../domain/repository.js';
import { escapeField } from '../util/terminal-text.js';

const HEADERS = ['REPOSITORY', 'SOURCE', 'REGION', 'OWNER', 'TEAM', 'CLASSIFICATION'] as const;

function ownerCell(repository: Repository, defaultOwner: string | undefined): string {
  if (!repository.ownerMissing) return repository.owner.email!;
  return defaultOwner === undefined ? 'MISSING' : `MISSING (→ ${defaultOwner})`;
}

export function renderInventoryTable(repositories: readonly Repository[], defaultOwner: string | undefined): string {
  const rows = repositories.map((repository) => [
    repository.name,
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
    `${repositories.length} repositories, ${missing} without owner` +
    (missing > 0
      ? defaultOwner === undefined
        ? ' (set inventory.defaultOwner so their incidents reach someone)'
        : ` (their incidents go to ${defaultOwner})`
      : '');
  return [line(HEADERS), ...rows.map(line), '', summary, ''].join('\n');
}
