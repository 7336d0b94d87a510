/**
 * What the watch matches against, built from local repositories (for `leakwatch watch --repo`
 * and tests; the daemon uses its mirrors and store instead): the fingerprint index of their
 * default-branch files, the SHA-256 of every secret in those files, and search terms. Each
 * file is read once. Only HEAD is read, so secrets that live only in history are not known
 * here; the daemon's scan results cover those.
 */
import { basename, resolve } from 'node:path';
import { addTextToIndex } from '../fingerprint/add-text-to-index.js';
import { InMemoryFingerprintIndex } from '../fingerprint/fingerprint-index.js';
import { isGitRepositoryRoot } from '../fingerprint/index-local-repo.js';
import { readGitHeadFiles } from '../fingerprint/read-git-head-files.js';
import { walkDirectoryFiles } from '../fingerprint/walk-directory-files.js';
import { DEFAULT_WINNOW_PARAMETERS } from '../fingerprint/winnow-parameters.js';
import type { ObjectScanner } from '../scan/object-scanner.js';
import { collectSearchTerms } from './distinctive-strings.js';
import type { OurTextFile } from './distinctive-strings.js';
import { canarySearchTerms } from './index-search-terms.js';
import { addKnownSecrets } from './known-secrets.js';
import type { SearchTerm } from './sources/types.js';

export interface LocalWatchTargets {
  index: InMemoryFingerprintIndex;
  knownSecrets: Map<string, string[]>;
  searchTerms: SearchTerm[];
}

export async function prepareLocalRepos(dirs: readonly string[], scanner: ObjectScanner, options: { internalDomains?: readonly string[] } = {}): Promise<LocalWatchTargets> {
  const index = new InMemoryFingerprintIndex(DEFAULT_WINNOW_PARAMETERS);
  const knownSecrets = new Map<string, string[]>();
  const texts: OurTextFile[] = [];
  for (const dir of dirs) {
    const root = resolve(dir);
    const repo = basename(root).replace(/\.git$/, '');
    const files = (await isGitRepositoryRoot(root)) ? readGitHeadFiles(root) : walkDirectoryFiles(root);
    for await (const file of files) {
      addTextToIndex(index, { repo, path: file.path, content: file.content });
      const scanned = scanner.scan(`${repo}:${file.path}`, 'blob', file.content, file.path);
      if (scanned === null) continue;
      addKnownSecrets(knownSecrets, repo, [scanned]);
      texts.push({ repo, path: file.path, text: file.content.toString('utf8') });
    }
  }
  const searchTerms = [...canarySearchTerms(index), ...collectSearchTerms(texts, { internalDomains: options.internalDomains })];
  return { index, knownSecrets, searchTerms: dedupe(searchTerms) };
}

function dedupe(terms: SearchTerm[]): SearchTerm[] {
  const seen = new Set<string>();
  return terms.filter((t) => !seen.has(t.value) && seen.add(t.value) !== undefined);
}
