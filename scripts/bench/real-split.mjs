// The held-out split of the real-code benchmark, by package name (not version, so a version
// bump keeps a package on its side): about one package in four is held out. Tuning reads the
// dev split only; the held-out figures are for reporting.
import { createHash } from 'node:crypto';

/** `heldout` when the first byte of sha256(name) is a multiple of 4, else `dev`. */
export function splitOf(name) {
  return createHash('sha256').update(name).digest()[0] % 4 === 0 ? 'heldout' : 'dev';
}

/** The package name of `name@version` (scoped names keep their leading `@`). */
export function packageName(id) {
  const at = id.lastIndexOf('@');
  return at > 0 ? id.slice(0, at) : id;
}

/** Whether the package `name@version` belongs to `split` (`dev`, `heldout` or `all`). */
export function inSplit(id, split) {
  return split === 'all' || splitOf(packageName(id)) === split;
}
