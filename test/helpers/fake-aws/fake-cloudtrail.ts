/** CloudTrail (JSON 1.1) as the fake serves it: trails, their status and event selectors. */
import { FakeAwsError, answering, jsonReply } from './route.js';
import type { FakeHandler, FakeReply } from './route.js';

export interface FakeTrail {
  name: string;
  homeRegion: string;
  multiRegion: boolean;
  logging: boolean;
  logFileValidation: boolean;
  bucket: string;
  /** Basic event selectors; the default records all management events. */
  readWriteType: 'All' | 'ReadOnly' | 'WriteOnly';
  includeManagementEvents: boolean;
}

export function makeFakeTrail(name: string, fields: Partial<Omit<FakeTrail, 'name'>> = {}): FakeTrail {
  return { name, homeRegion: 'us-east-1', multiRegion: true, logging: true, logFileValidation: true, bucket: `${name}-logs`, readWriteType: 'All', includeManagementEvents: true, ...fields };
}

export function fakeCloudTrailHandler(state: { account: string; trails: FakeTrail[] }): FakeHandler {
  const arn = (t: FakeTrail): string => `arn:aws:cloudtrail:${t.homeRegion}:${state.account}:trail/${t.name}`;
  const find = (name: unknown): FakeTrail => {
    const trail = state.trails.find((t) => t.name === name || arn(t) === name);
    if (trail === undefined) throw new FakeAwsError('TrailNotFoundException');
    return trail;
  };
  return (req): FakeReply | undefined => {
    if (req.service !== 'cloudtrail' || req.target === undefined) return undefined;
    const action = req.target;
    const input = JSON.parse(req.body || '{}') as Record<string, unknown>;
    return answering(req, action, () => {
      switch (action) {
        case 'DescribeTrails':
          return jsonReply(action, {
            trailList: state.trails
              .filter((t) => t.homeRegion === req.region || (t.multiRegion && input['includeShadowTrails'] !== false))
              .map((t) => ({ Name: t.name, TrailARN: arn(t), HomeRegion: t.homeRegion, IsMultiRegionTrail: t.multiRegion, LogFileValidationEnabled: t.logFileValidation, S3BucketName: t.bucket })),
          });
        case 'GetTrailStatus':
          return jsonReply(action, { IsLogging: find(input['Name']).logging });
        case 'GetEventSelectors': {
          const t = find(input['TrailName']);
          return jsonReply(action, { TrailARN: arn(t), EventSelectors: [{ ReadWriteType: t.readWriteType, IncludeManagementEvents: t.includeManagementEvents, DataResources: [] }] });
        }
        default:
          throw new FakeAwsError('UnknownOperationException');
      }
    });
  };
}
