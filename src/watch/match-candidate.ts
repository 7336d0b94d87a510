/**
 * Turns one public candidate file into exposures. Every candidate is both fingerprint-matched
 * against our index (a code exposure per repository of ours it copies, over the threshold) and
 * secret-scanned (a credential exposure per secret whose SHA-256 is one of ours). A secret that
 * is not ours is someone else's problem and is dropped here; the secret itself never leaves
 * the scanner, only its hash and redacted preview.
 */
import type { FingerprintIndexStore } from '../fingerprint/fingerprint-index.js';
import { mergeLineRanges } from '../fingerprint/merge-line-ranges.js';
import type { LineRange } from '../fingerprint/merge-line-ranges.js';
import { scoreCandidate } from '../fingerprint/score-candidate.js';
import type { CandidateMatch, ScoreOptions } from '../fingerprint/score-candidate.js';
import type { ObjectScanner } from '../scan/object-scanner.js';
import type { Candidate, KnownSecrets, PublicExposure } from './types.js';

export interface MatchCandidateContext {
  index: FingerprintIndexStore;
  scanner: ObjectScanner;
  knownSecrets: KnownSecrets;
  score?: ScoreOptions;
  /** The public source, recorded on each exposure. */
  source: string;
}

export function matchCandidate(ctx: MatchCandidateContext, candidate: Candidate): PublicExposure[] {
  const scanned = ctx.scanner.scan(candidate.id, 'blob', candidate.content, candidate.path);
  // Binary content carries neither code we fingerprint nor text secrets.
  if (scanned === null) return [];
  return [...codeExposures(ctx, candidate), ...credentialExposures(ctx, candidate, scanned.matches)];
}

function codeExposures(ctx: MatchCandidateContext, candidate: Candidate): PublicExposure[] {
  const byRepo = new Map<string, CandidateMatch[]>();
  for (const m of scoreCandidate(ctx.index, candidate.content, ctx.score)) {
    const list = byRepo.get(m.repo);
    if (list) list.push(m);
    else byRepo.set(m.repo, [m]);
  }
  return [...byRepo].map(([repository, matches]) => ({
    kind: 'code-exposure',
    public: true,
    url: candidate.url,
    repository,
    score: Math.max(...matches.map((m) => m.score)),
    matchedFiles: matches.map((m) => ({ path: m.path, score: m.score, candidateLines: m.candidateLines, sourceLines: m.sourceLines })),
    lines: mergeLineRanges(matches.flatMap((m) => m.candidateLines)),
    source: ctx.source,
    publicLocation: candidate.publicLocation,
    publicPath: candidate.path,
  }));
}

function credentialExposures(
  ctx: MatchCandidateContext,
  candidate: Candidate,
  matches: ReadonlyArray<{ ruleId: string; secretSha256: string; redacted: string; line: number; endLine: number; related?: { ruleId: string; secretSha256: string; redacted: string } }>,
): PublicExposure[] {
  const out: PublicExposure[] = [];
  const done = new Set<string>();
  for (const m of matches) {
    // A paired rule (key id + secret) reports the secret on `related` when it is the one we know.
    const hits = [m, ...(m.related ? [m.related] : [])].filter((s) => ctx.knownSecrets.has(s.secretSha256));
    for (const hit of hits) {
      const repositories = ctx.knownSecrets.get(hit.secretSha256)!;
      for (const repository of repositories.length > 0 ? repositories : ['']) {
        const key = `${hit.secretSha256}\u0000${repository}`;
        if (done.has(key)) continue;
        done.add(key);
        const lines: LineRange[] = [[m.line, m.endLine]];
        out.push({
          kind: 'credential-exposure',
          public: true,
          url: candidate.url,
          repository,
          score: 1,
          matchedFiles: [],
          lines,
          secretSha256: hit.secretSha256,
          redacted: hit.redacted,
          ruleId: hit.ruleId,
          source: ctx.source,
          publicLocation: candidate.publicLocation,
          publicPath: candidate.path,
        });
      }
    }
  }
  return out;
}
