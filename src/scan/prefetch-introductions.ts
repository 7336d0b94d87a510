/**
 * Walks the new history for introductions while the blobs are still being scanned, so that
 * attribution does not wait for the scan to end. It keeps every introduction up to a limit in
 * a compact form — blob ids as bytes outside the JavaScript heap, paths interned by their bytes
 * (path-interner.ts), commits as indexes — so that holding a long history costs the garbage
 * collector almost nothing; past the limit it gives up, and the caller walks again afterwards
 * for the blobs with matches.
 */
import { HEX_VALUE, oidPrefixOf, walkHistoryEntries } from '../git/walk-introductions.js';
import type { CommitHeader } from '../git/walk-introductions.js';
import type { BlobPrefixSet } from '../git/blob-prefix-set.js';
import { PathInterner } from './path-interner.js';

const LIMIT = 500_000;

export interface PrefetchedIntroductions {
  /** Visits, in walk order, the introductions of the blobs in `interest`. */
  select(interest: ReadonlySet<string>, visit: (oid: string, path: string, commit: CommitHeader) => void): void;
}

export interface IntroductionPrefetch {
  /** Every introduction in the commits, or null when there were more than the limit. */
  result: Promise<PrefetchedIntroductions | null>;
  /** Settles when the walk has seen every entry (the check is complete), or rejects with its failure. */
  checked: Promise<void>;
  cancel(): void;
}

/**
 * Parallel columns that grow by doubling. Ids are kept as bytes, half their hex width (SHA-1 or
 * SHA-256): 10 MB rather than 20 for the 500,000 entries of the limit.
 */
class Columns {
  count = 0;
  /** Bytes of an id. */
  readonly width: number;
  oids: Buffer;
  paths = new Uint32Array(1024);
  commits = new Uint32Array(1024);

  constructor(hexWidth: number) {
    this.width = hexWidth / 2;
    this.oids = Buffer.allocUnsafe(this.width * 1024);
  }

  /** Appends an entry whose id is the hex at `oidAt` in `oidBytes`. */
  push(oidBytes: Buffer, oidAt: number, path: number, commit: number): void {
    if (this.count === this.paths.length) this.grow();
    const to = this.count * this.width;
    for (let i = 0; i < this.width; i++) {
      this.oids[to + i] = (HEX_VALUE[oidBytes[oidAt + 2 * i]!]! << 4) | HEX_VALUE[oidBytes[oidAt + 2 * i + 1]!]!;
    }
    this.paths[this.count] = path;
    this.commits[this.count] = commit;
    this.count++;
  }

  /** The first eight hex digits of entry `i`'s id, as oidPrefixOf gives them of a hex id. */
  prefix(i: number): number {
    return this.oids.readUInt32BE(i * this.width);
  }

  /** Entry `i`'s id, in lower-case hex as git writes it. */
  oid(i: number): string {
    return this.oids.toString('hex', i * this.width, (i + 1) * this.width);
  }

  private grow(): void {
    const size = this.paths.length * 2;
    const oids = Buffer.allocUnsafe(this.width * size);
    this.oids.copy(oids);
    this.oids = oids;
    const paths = new Uint32Array(size);
    paths.set(this.paths);
    this.paths = paths;
    const commits = new Uint32Array(size);
    commits.set(this.commits);
    this.commits = commits;
  }
}

/**
 * What the walk checks on its way, for free: every blob a commit names should be in the store
 * (else history cannot be read whole), and every gitlink is a submodule left unscanned.
 */
export interface HistoryCheck {
  present: BlobPrefixSet;
  onMissing: (oid: string, path: string, commit: CommitHeader) => void;
  onGitlink: (oid: string, path: string, commit: CommitHeader) => void;
}

export function prefetchIntroductions(gitDir: string, commits: string[], limit = LIMIT, check?: HistoryCheck): IntroductionPrefetch {
  const controller = new AbortController();
  let columns: Columns | null = null;
  const paths = new PathInterner();
  const headers: CommitHeader[] = [];
  let overflow = false;
  const seen: PrefetchedIntroductions = {
    select(interest, visit) {
      if (columns === null) return;
      const prefixes = new Set([...interest].map(oidPrefixOf));
      for (let i = 0; i < columns.count; i++) {
        if (!prefixes.has(columns.prefix(i))) continue;
        const oid = columns.oid(i);
        if (interest.has(oid)) visit(oid, paths.path(columns.paths[i]!), headers[columns.commits[i]!]!);
      }
    },
  };
  const result = walkHistoryEntries(
    gitDir,
    commits,
    (entry) => {
      if (check) {
        if (entry.gitlink) {
          check.onGitlink(entry.bytes.toString('latin1', entry.oidAt, entry.oidAt + entry.oidLength), entry.bytes.toString('utf8', entry.pathStart, entry.pathEnd), entry.commit);
        } else if (!check.present.hasAt(entry.bytes, entry.oidAt)) {
          check.onMissing(entry.bytes.toString('latin1', entry.oidAt, entry.oidAt + entry.oidLength), entry.bytes.toString('utf8', entry.pathStart, entry.pathEnd), entry.commit);
        }
      }
      if (overflow) return;
      columns ??= new Columns(entry.oidLength);
      if (columns.count >= limit) {
        overflow = true;
        // Past the limit the walk goes on only when it still has blobs to check.
        if (!check) controller.abort();
        return;
      }
      if (headers[headers.length - 1] !== entry.commit) headers.push(entry.commit);
      columns.push(entry.bytes, entry.oidAt, paths.intern(entry.bytes, entry.pathStart, entry.pathEnd), headers.length - 1);
    },
    controller.signal,
  ).then(() => (overflow || controller.signal.aborted ? null : seen));
  // A failure here is seen again, and reported, by the walk the caller then makes itself;
  // with a check there is no second walk, so the failure is the caller's (see `checked`).
  const safe = result.catch(() => null);
  const checked = result.then(() => undefined);
  checked.catch(() => undefined); // awaited by the caller when it checks; never unhandled
  return { result: safe, checked, cancel: () => controller.abort() };
}
