/** Which archive format a key or member name stands for, by its extension. */
export type ArchiveKind = 'zip' | 'tar' | 'tgz' | 'gz';

export function archiveKind(name: string): ArchiveKind | null {
  const lower = name.toLowerCase();
  if (/\.(zip|jar|war|ear|whl|nupkg)$/.test(lower)) return 'zip';
  if (/\.(tar\.gz|tgz|crate)$/.test(lower)) return 'tgz';
  if (lower.endsWith('.tar')) return 'tar';
  if (lower.endsWith('.gz')) return 'gz';
  return null;
}

/** A git bundle: a pack of history, read by git, not by the archive readers. */
export function isGitBundle(name: string): boolean {
  return name.toLowerCase().endsWith('.bundle');
}
