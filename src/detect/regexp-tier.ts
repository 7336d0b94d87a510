/**
 * V8 runs a regex first in its bytecode interpreter and compiles it to machine code on its
 * second run (`--regexp-tier-up`). A scan runs each rule's regex, and the judges' own, on
 * thousands of texts: nearly every one is run twice soon enough, so each pays both compilers
 * (bytecode, then machine code), once per thread. Compiling to machine code at once spares the
 * bytecode step: on the plain-directory benchmark folder (14 MB, 7,161 files) the scan phase
 * took 480 ms instead of 535 ms on two idle cores, for 5 % less CPU. The flag is process-wide, so worker
 * threads started afterwards have it too; it changes how regexes are run, never what they
 * match, and does not touch the linear-time checks (regex-ambiguity.ts), which are made on
 * the patterns themselves.
 */
import { setFlagsFromString } from 'node:v8';

let set = false;

/** Regexes compiled from now on go straight to machine code. */
export function compileRegexpsAtOnce(): void {
  if (set) return;
  set = true;
  setFlagsFromString('--no-regexp-tier-up');
}
