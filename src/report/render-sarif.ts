/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF consumers: one rule per detector that
 * fired, one result per finding at its first exposure, with a partial fingerprint so the same
 * secret is tracked as one alert across runs. Commit-message findings point at the commit.
 * `properties.verified` carries the `--verify` outcome and `properties.confidence` the finding's
 * confidence, which also caps the result's level (low: note, medium: warning at most) and sets
 * its `rank` (SARIF's 0-100 priority).
 */
import type { Confidence, RuleKind, Severity } from '../detect/types.js';
import type { Finding, ScanReport } from '../domain/finding.js';
import { VERSION } from '../version.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };
const RANK: Record<Confidence, number> = { high: 90, medium: 60, low: 20 };

/** The severity's level, no louder than the confidence allows. */
function resultLevel(f: Finding): 'error' | 'warning' | 'note' {
  const level = LEVEL[f.severity];
  if (f.confidence === 'low') return 'note';
  if (f.confidence === 'medium' && level === 'error') return 'warning';
  return level;
}
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };
const SARIF_TAG: Record<RuleKind, string> = { credential: 'secret', 'sensitive-data': 'sensitive-data', 'password-hash': 'password-hash' };
/** What to do about a finding, by kind: a hash cannot be rotated, only the password behind it. */
const ADVICE: Record<RuleKind, string> = {
  credential: 'Rotate it, then remove it from history.',
  'sensitive-data': 'Rotate it, then remove it from history.',
  'password-hash': 'It can be cracked offline: change the password behind it, then remove it from history.',
};

function message(f: Finding): string {
  const where = f.commit ? ` First exposed in commit ${f.commit.slice(0, 12)}${f.date ? ` (${f.date.slice(0, 10)})` : ''}.` : '';
  const more = f.locations.length > 1 ? ` Found in ${f.locations.length} places.` : '';
  return `${f.title}: ${f.redacted}.${where}${more} ${ADVICE[f.kind]}`;
}

/**
 * A repository path as a SARIF `uri` (a relative reference, RFC 3986): each segment
 * percent-encoded as UTF-8, so a space, `%`, `#`, `?` or a non-ASCII name stays one path that
 * consumers resolve back to the same file; `/` separates segments.
 */
export function pathToSarifUri(path: string): string {
  // An S3 location is an absolute URI: the scheme and bucket as they are, the key (and any
  // `!member` of an archive, `!` being allowed in a path) percent-encoded like a repository path.
  const s3 = /^s3:\/\/([^/]+)\/(.*)$/s.exec(path);
  if (s3) return `s3://${s3[1]}/${s3[2]!.split('!').map(pathToSarifUri).join('!')}`;
  return path.split('/').map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');
}

export function renderSarif(report: ScanReport): string {
  const rules: object[] = [];
  const ruleIndex = new Map<string, number>();
  for (const f of report.findings) {
    if (ruleIndex.has(f.ruleId)) continue;
    ruleIndex.set(f.ruleId, rules.length);
    rules.push({
      id: f.ruleId,
      name: f.ruleId.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase()),
      shortDescription: { text: f.title },
      defaultConfiguration: { level: LEVEL[f.severity] },
      properties: { tags: ['security', SARIF_TAG[f.kind]], 'security-severity': SECURITY_SEVERITY[f.severity] },
    });
  }
  const results = report.findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: ruleIndex.get(f.ruleId),
    level: resultLevel(f),
    rank: RANK[f.confidence],
    message: { text: message(f) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: f.path === null ? 'COMMIT_MSG' : pathToSarifUri(f.path) },
          region: { startLine: f.line, endLine: f.endLine, startColumn: f.column },
        },
        ...(f.path === null && f.commit ? { message: { text: `commit message of ${f.commit}` } } : {}),
      },
    ],
    partialFingerprints: { 'leakwatchFindingId/v1': f.id },
    properties: {
      secretSha256: f.secretSha256,
      commit: f.commit,
      author: f.author,
      date: f.date,
      blob: f.blob,
      locations: f.locations.length,
      // true live, false rejected, null not checked (no --verify, or it could not be).
      verified: f.verified,
      confidence: f.confidence,
    },
  }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'leakwatch', version: VERSION, informationUri: 'https://github.com/leakwatch/leakwatch', rules } },
        automationDetails: { id: `leakwatch/${report.target}` },
        results,
        // What was and was not read (stats.incomplete, stats.skipped): an empty result list
        // from an incomplete repository must not read as "clean".
        properties: { stats: report.stats },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
