/**
 * Opt-in verification (`response.verify`): is the leaked credential still live? The secret is
 * re-read in memory from the mirror, checked once per incident by the rule's verifier (AWS:
 * the key's account and owner are looked up as the daemon first, canary accounts are never
 * touched, then sts:GetCallerIdentity; GitHub: GET /user), and the answer feeds the severity.
 * Results are cached by the verification service; the incident records the outcome.
 */
import type { EngineDeps } from './engine-deps.js';
import type { IncidentRecord } from './incident-store.js';
import { incidentSecretLoader } from './load-incident-secret.js';
import { scoreSeverity } from './score-severity.js';
import { makeEntry } from './timeline-entry.js';

const ACTION = 'verify';

export async function verifyIncident(deps: EngineDeps, record: IncidentRecord, gitDir?: string): Promise<void> {
  if (deps.verify === undefined || record.kind !== 'credential-exposure') return;
  const rule = deps.ruleset.byId.get(record.exposure.ruleId);
  const verifierId = rule?.provider?.verify;
  if (rule === undefined || verifierId === undefined) return;
  if (deps.store.action(record.id, ACTION)?.state === 'done') return;
  const scope = { provider: verifierId, now: deps.now };
  const secret = await incidentSecretLoader(deps, record, gitDir)();
  if (secret === undefined) {
    deps.store.appendTimeline(record.id, [
      makeEntry(scope, 'detection-analysis', 'incident.verify', 'skipped', 'Not verified: the secret could not be re-read from the mirror.'),
    ]);
    deps.store.recordAction(record.id, ACTION, 'done', deps.now());
    return;
  }
  const result = await deps.verify(verifierId, secret);
  if (result.status === 'error') {
    deps.store.appendTimeline(record.id, [makeEntry(scope, 'detection-analysis', 'incident.verify', 'failed', result.detail)]);
    deps.store.recordAction(record.id, ACTION, 'failed', deps.now());
    return;
  }
  deps.store.recordAction(record.id, ACTION, 'done', deps.now());
  const verified = result.status === 'live' ? true : result.status === 'invalid' ? false : null;
  const outcome = verified === null ? 'skipped' : 'ok';
  const entries = [makeEntry(scope, 'detection-analysis', 'incident.verify', outcome, result.detail, { status: result.status })];
  if (verified !== null) {
    const scored = scoreSeverity({
      ruleId: record.exposure.ruleId,
      ruleSeverity: rule.severity,
      classification: record.repository.classification,
      verified,
      isPublic: record.exposure.publicUrl !== undefined || record.repository.classification === 'public',
    });
    if (scored.severity !== record.severity) {
      entries.push(makeEntry(scope, 'detection-analysis', 'incident.severity-changed', 'ok', `Severity ${record.severity} → ${scored.severity}: ${verified ? 'the credential is live' : 'the credential no longer works'}.`));
      record.severity = scored.severity;
    }
    record.severityReasons = scored.reasons;
    record.updatedAt = deps.now();
    deps.store.update(record);
  }
  deps.store.appendTimeline(record.id, entries);
}
