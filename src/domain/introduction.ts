/**
 * Where an object entered history: the commit that added a blob (or changed a path into it), at
 * which path, when and by whom. The history walk (git/walk-introductions.ts) finds them; the
 * state keeps them; findings are built from them.
 */
export interface Introduction {
  oid: string;
  commit: string;
  path: string;
  /** Committer date, seconds since the epoch. */
  time: number;
  author: string;
  email: string;
}
