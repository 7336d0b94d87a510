/**
 * The fake account's resources beyond IAM users and secrets: buckets, trails, images, snapshots,
 * IAM groups, roles, managed policies and MFA devices, and the security services; and the
 * handlers that serve them, in the order the fake asks them. `denied` makes an action answer
 * AccessDenied, as a principal without the permission would see.
 */
import type { FakeBucket, FakePublicAccessBlock } from './fake-bucket.js';
import { fakeCloudTrailHandler } from './fake-cloudtrail.js';
import { fakeCloudTrailEventsHandler } from './fake-cloudtrail-events.js';
import type { FakeTrailEvent } from './fake-cloudtrail-events.js';
import type { FakeTrail } from './fake-cloudtrail.js';
import { fakeEc2Handler } from './fake-ec2.js';
import type { FakeImage, FakeSnapshot } from './fake-ec2.js';
import { fakeIamPostureHandler } from './fake-iam-posture.js';
import type { FakeIamState, FakeIamUserView } from './fake-iam-posture.js';
import { fakeS3ConfigHandler } from './fake-s3-config.js';
import { fakeS3ControlHandler } from './fake-s3-control.js';
import { fakeSecurityServicesHandler } from './fake-security-services.js';
import type { FakeSecurityState } from './fake-security-services.js';
import { FakeAwsError, errorReply } from './route.js';
import type { FakeHandler } from './route.js';

export interface FakeAccountState extends FakeIamState, FakeSecurityState {
  buckets: Map<string, FakeBucket>;
  accountPublicAccessBlock: FakePublicAccessBlock | undefined;
  trails: FakeTrail[];
  /** CloudTrail event history (LookupEvents; fake-cloudtrail-events.ts). */
  events: FakeTrailEvent[];
  images: FakeImage[];
  snapshots: FakeSnapshot[];
  /** Actions answered with AccessDenied. */
  denied: Set<string>;
}

export function makeFakeAccountState(account: string, users: Map<string, FakeIamUserView>): FakeAccountState {
  return {
    account,
    users,
    buckets: new Map(),
    accountPublicAccessBlock: undefined,
    trails: [],
    events: [],
    images: [],
    snapshots: [],
    groups: new Map(),
    roles: new Map(),
    managedPolicies: new Map(),
    mfaUsers: new Set(),
    guardduty: new Map(),
    macie: new Set(),
    accessAnalyzer: new Map(),
    configRules: new Map(),
    codebuild: [],
    rules: [],
    apiDestinations: [],
    ecr: [],
    denied: new Set(),
  };
}

/** The handlers for the account's services; a denied action answers AccessDenied whichever serves it. */
export function fakeAccountHandlers(state: FakeAccountState): FakeHandler[] {
  // Query and JSON requests name their action up front, so a denied one is refused whichever
  // service would answer it (STS and IAM included); REST ones are refused by the wrapper below.
  const refuse: FakeHandler = (req) => {
    const action = req.target ?? (req.service === 'sts' || req.service === 'iam' || req.service === 'ec2' ? new URLSearchParams(req.body).get('Action') ?? '' : '');
    if (!state.denied.has(action)) return undefined;
    const code = req.target !== undefined ? 'AccessDeniedException' : req.service === 'ec2' ? 'UnauthorizedOperation' : 'AccessDenied';
    const reply = errorReply(req, action, new FakeAwsError(code, 403, 'not authorized'));
    if (req.service !== 'sts' && req.service !== 'iam') return reply;
    const ns = req.service === 'sts' ? 'https://sts.amazonaws.com/doc/2011-06-15/' : 'https://iam.amazonaws.com/doc/2010-05-08/';
    return { ...reply, body: `<ErrorResponse xmlns="${ns}"><Error><Type>Sender</Type><Code>${code}</Code><Message>not authorized</Message></Error><RequestId>0</RequestId></ErrorResponse>` };
  };
  const handlers = [fakeS3ControlHandler(state), fakeS3ConfigHandler(state), fakeCloudTrailEventsHandler(state), fakeCloudTrailHandler(state), fakeEc2Handler(state), fakeIamPostureHandler(state), fakeSecurityServicesHandler(state)];
  return [refuse, ...handlers.map((handler): FakeHandler => (req) => {
    const reply = handler(req);
    if (reply === undefined || !state.denied.has(reply.action)) return reply;
    const code = req.target !== undefined || req.service === 'macie2' || req.service === 'guardduty' || req.service === 'access-analyzer' ? 'AccessDeniedException' : req.service === 'ec2' ? 'UnauthorizedOperation' : 'AccessDenied';
    return errorReply(req, reply.action, new FakeAwsError(code, 403, 'not authorized'));
  })];
}
