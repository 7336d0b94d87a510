/**
 * Source: GuardDuty findings of the code-exposure playbook's types (domain/indicator.ts), polled
 * in every region of `indicators.regions`. The cursor per region is the start of the last poll
 * that finished, looked back a further 15 minutes (findings are updated in place, and published
 * a few minutes late); finding ids already delivered are skipped. A finding the engine defers is
 * not marked, and is delivered again next poll. A failing region is logged and retried next time.
 */
import { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { parseGuardDutyFinding } from '../../indicators/parse-guardduty-finding.js';
import type { SourceContext, SourceDeps, SourceReport, WatchSource } from '../types.js';
import { listPlaybookFindings } from './list-findings.js';

export const SOURCE_ID = 'aws-guardduty';
const LOOK_BACK_MS = 15 * 60_000;
/** At first start, findings of the last week. */
const FIRST_WINDOW_MS = 7 * 86_400_000;
const MAX_FINDINGS = 500;

export function createAwsGuardDutySource(deps: SourceDeps = {}): WatchSource {
  const clientFor = deps.guardduty ?? ((region: string) => new GuardDutyClient({ region }));
  const clients = new Map<string, GuardDutyClient>();

  async function poll(ctx: SourceContext): Promise<SourceReport> {
    if (!ctx.settings.guardduty) return { requests: 0, candidates: 0, skipped: 'disabled' };
    let requests = 0;
    for (const region of ctx.settings.indicatorRegions) {
      const log = ctx.log.child({ region });
      const cursorKey = `${SOURCE_ID}:since:${region}`;
      const stored = ctx.state.get(cursorKey);
      const pollStart = ctx.now();
      const since = new Date(stored === undefined ? pollStart - FIRST_WINDOW_MS : Date.parse(stored) - LOOK_BACK_MS);
      let client = clients.get(region);
      if (client === undefined) clients.set(region, (client = clientFor(region)));
      try {
        const page = await listPlaybookFindings(client, since, MAX_FINDINGS);
        requests += page.requests;
        if (page.truncated) log.warn({ findings: page.findings.length }, 'GuardDuty findings cut short; the rest come next poll');
        let allDelivered = true;
        for (const raw of page.findings) {
          const indicator = parseGuardDutyFinding(raw);
          if (indicator === undefined) {
            log.warn('GuardDuty finding of an unexpected shape; skipped');
            continue;
          }
          if (ctx.state.hasSeen(SOURCE_ID, indicator.id)) continue;
          if (await ctx.indicate(indicator)) ctx.state.markSeen(SOURCE_ID, indicator.id);
          else allDelivered = false;
        }
        // A deferred finding keeps the cursor where it was, so the next poll lists it again.
        if (allDelivered && !page.truncated) ctx.state.set(cursorKey, new Date(pollStart).toISOString());
      } catch (err) {
        log.warn({ err }, 'GuardDuty poll failed');
      }
    }
    return { requests, candidates: 0 };
  }

  return { id: SOURCE_ID, poll };
}
