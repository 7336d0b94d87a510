/**
 * Fake GuardDuty (REST-JSON): one detector holding findings in GuardDuty's wire shape (camelCase),
 * for ListDetectors, ListFindings (filtered by type and updatedAt) and GetFindings.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeServiceContext } from './service-context.js';

export const FAKE_DETECTOR_ID = '12abc34d567e8fa901bc2d34e56789f0';

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

/** `active`: whether this fake answers GuardDuty at all (the posture fake's detectors answer otherwise). */
export function createFakeGuardDuty(findings: Array<Record<string, unknown>>, active: () => boolean = () => true) {
  return (req: IncomingMessage, res: ServerResponse, body: string, ctx: FakeServiceContext): boolean => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (!url.pathname.startsWith('/detector') || !active()) return false;
    const input = (body === '' ? {} : JSON.parse(body)) as Record<string, unknown>;
    if (req.method === 'GET' && url.pathname === '/detector') {
      ctx.record('guardduty', 'ListDetectors', body);
      json(res, 200, { detectorIds: [FAKE_DETECTOR_ID] });
      return true;
    }
    if (url.pathname === `/detector/${FAKE_DETECTOR_ID}/findings`) {
      ctx.record('guardduty', 'ListFindings', body);
      const criterion = ((input['findingCriteria'] as { criterion?: Record<string, { eq?: string[]; greaterThanOrEqual?: number }> } | undefined)?.criterion) ?? {};
      const types = criterion['type']?.eq;
      const since = criterion['updatedAt']?.greaterThanOrEqual ?? 0;
      const ids = findings
        .filter((f) => (types === undefined || types.includes(String(f['type']))) && Date.parse(String(f['updatedAt'])) >= since)
        .map((f) => String(f['id']));
      json(res, 200, { findingIds: ids });
      return true;
    }
    if (url.pathname === `/detector/${FAKE_DETECTOR_ID}/findings/get`) {
      ctx.record('guardduty', 'GetFindings', body);
      const wanted = (input['findingIds'] as string[] | undefined) ?? [];
      json(res, 200, { findings: findings.filter((f) => wanted.includes(String(f['id']))) });
      return true;
    }
    ctx.record('guardduty', 'Unknown', body);
    json(res, 404, { __type: 'BadRequestException', message: 'not found' });
    return true;
  };
}
