/**
 * A local fake of the AWS APIs the response providers call (STS and IAM over the query protocol,
 * Secrets Manager over JSON 1.1), for the real SDK through AWS_ENDPOINT_URL. It keeps IAM users
 * with their access keys and policies (attached ARNs, inline documents), and secrets with their
 * values and tags, and records every call so tests can count them. Keys it creates are built at
 * run time like every test credential. `holdCall` keeps one call's response back (its change already made, as AWS makes it before a
 * reply that is then lost), so a test can kill the caller while it waits.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeAccessKeyId, fakeSecretAccessKey } from './fake-credentials.js';
import { fakeAccountHandlers, makeFakeAccountState } from './fake-aws/fake-account.js';
import type { FakeAccountState } from './fake-aws/fake-account.js';
import { FakeAwsError, errorReply, parseFakeRequest } from './fake-aws/route.js';
import type { FakeHandler } from './fake-aws/route.js';
import { createFakeEc2Images } from './fake-aws/fake-ec2-images.js';
import type { FakeImagePermissions } from './fake-aws/fake-ec2-images.js';
import { createFakeGuardDuty } from './fake-aws/fake-guardduty.js';
import { createFakeS3Objects } from './fake-aws/fake-s3-objects.js';
import type { FakeS3Bucket } from './fake-aws/fake-s3-objects.js';
import type { FakeServiceContext, FakeServiceHandler } from './fake-aws/service-context.js';

export interface FakeAccessKey {
  id: string;
  secret: string;
  status: 'Active' | 'Inactive';
  /** When it was created, if a test set it (ListAccessKeys then says so). */
  created?: Date;
}

export interface FakeUser {
  keys: FakeAccessKey[];
  attachedPolicies: string[];
  inlinePolicies: string[];
  /** Inline policy documents by name, as put. */
  inlineDocuments: Map<string, string>;
}

export interface FakeSecret {
  arn: string;
  value: string | undefined;
  tags: Record<string, string>;
  kmsKeyId: string | undefined;
}

export interface FakeAwsCall {
  /** `sts`, `iam`, `secretsmanager`, or the signing name of a service in fake-aws/ (`s3`, `ec2`, ...). */
  service: string;
  action: string;
  /** The raw request body, to search for values that must not be sent. */
  body: string;
}

export interface FakeAws {
  /** For AWS_ENDPOINT_URL. */
  url: string;
  account: string;
  users: Map<string, FakeUser>;
  secrets: Map<string, FakeSecret>;
  /** Buckets, trails, images, IAM groups and roles, security services (fake-aws/fake-account.ts). */
  state: FakeAccountState;
  /** Serves more services; asked before the account's own handlers (e.g. S3 objects). */
  addHandler(handler: FakeHandler): void;
  /** S3 buckets by name (fake-aws/fake-s3-objects.ts). */
  buckets: Map<string, FakeS3Bucket>;
  /** AMI and snapshot permissions by id (fake-aws/fake-ec2-images.ts). */
  images: Map<string, FakeImagePermissions>;
  /** GuardDuty findings in wire shape (fake-aws/fake-guardduty.ts). */
  findings: Array<Record<string, unknown>>;
  calls: FakeAwsCall[];
  count(action: string): number;
  /** Calls of `action` per value of one request parameter (e.g. per `UserName`). */
  countBy(action: string, param: string): Map<string, number>;
  /**
   * Holds the response to the `nth` (1-based) call of `action` from now on, after its change is
   * made, until `release`; `reached` resolves when that call arrives.
   */
  holdCall(action: string, nth?: number): { reached: Promise<void>; release: () => void };
  close(): Promise<void>;
}

interface Hold {
  action: string;
  left: number;
  arrived: () => void;
  released: Promise<void>;
}

const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

function xml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

class AwsFault extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
  ) {
    super(code);
  }
}

function queryReply(res: ServerResponse, ns: string, action: string, result: string): void {
  res.writeHead(200, { 'content-type': 'text/xml' });
  res.end(`<${action}Response xmlns="${ns}"><${action}Result>${result}</${action}Result>` +
    `<ResponseMetadata><RequestId>${randomBytes(8).toString('hex')}</RequestId></ResponseMetadata></${action}Response>`);
}

export async function startFakeAws(options: { account: string; users: Record<string, string[]> }): Promise<FakeAws> {
  const { account } = options;
  const users = new Map<string, FakeUser>();
  for (const [name, keyIds] of Object.entries(options.users)) {
    users.set(name, { keys: keyIds.map((id) => ({ id, secret: fakeSecretAccessKey(), status: 'Active' })), attachedPolicies: [], inlinePolicies: [], inlineDocuments: new Map() });
  }
  const secrets = new Map<string, FakeSecret>();
  const calls: FakeAwsCall[] = [];
  const state = makeFakeAccountState(account, users);
  const handlers: FakeHandler[] = fakeAccountHandlers(state);

  const ownerOf = (keyId: string): [string, FakeUser] | undefined => [...users].find(([, u]) => u.keys.some((k) => k.id === keyId));
  const user = (name: string | null): FakeUser => {
    const found = name === null ? undefined : users.get(name);
    if (found === undefined) throw new AwsFault('NoSuchEntity', 404);
    return found;
  };

  function sts(action: string, p: URLSearchParams): string {
    if (action === 'GetCallerIdentity') {
      return `<Arn>arn:aws:sts::${account}:assumed-role/leakwatch/daemon</Arn><UserId>AROAFAKE:daemon</UserId><Account>${account}</Account>`;
    }
    if (action === 'GetAccessKeyInfo') return `<Account>${ownerOf(p.get('AccessKeyId') ?? '') === undefined ? '999988887777' : account}</Account>`;
    throw new AwsFault('InvalidAction', 400);
  }

  function iam(action: string, p: URLSearchParams): string {
    switch (action) {
      case 'GetAccessKeyLastUsed': {
        const owner = ownerOf(p.get('AccessKeyId') ?? '');
        if (owner === undefined) throw new AwsFault('NoSuchEntity', 404);
        return `<UserName>${xml(owner[0])}</UserName><AccessKeyLastUsed><ServiceName>N/A</ServiceName><Region>N/A</Region></AccessKeyLastUsed>`;
      }
      // As IAM: attaching an attached policy, or putting an inline policy by the same name again, changes nothing more.
      case 'AttachUserPolicy': {
        const u = user(p.get('UserName'));
        const arn = p.get('PolicyArn') ?? '';
        if (!u.attachedPolicies.includes(arn)) u.attachedPolicies.push(arn);
        return '';
      }
      case 'PutUserPolicy': {
        const u = user(p.get('UserName'));
        const name = p.get('PolicyName') ?? '';
        if (!u.inlinePolicies.includes(name)) u.inlinePolicies.push(name);
        u.inlineDocuments.set(name, p.get('PolicyDocument') ?? '');
        return '';
      }
      // Paged as IAM pages: MaxItems (default 100) per page, the next page's Marker while IsTruncated.
      case 'ListAttachedUserPolicies': {
        const arns = user(p.get('UserName')).attachedPolicies;
        const start = Number(p.get('Marker') ?? 0);
        const page = arns.slice(start, start + Number(p.get('MaxItems') ?? 100));
        const next = start + page.length;
        const members = page.map((arn) => `<member><PolicyName>${xml(arn.split('/').pop() ?? '')}</PolicyName><PolicyArn>${xml(arn)}</PolicyArn></member>`);
        const more = next < arns.length ? `<IsTruncated>true</IsTruncated><Marker>${next}</Marker>` : '<IsTruncated>false</IsTruncated>';
        return `<AttachedPolicies>${members.join('')}</AttachedPolicies>${more}`;
      }
      // As IAM, the document comes back URL-encoded.
      case 'GetUserPolicy': {
        const name = p.get('UserName') ?? '';
        const policyName = p.get('PolicyName') ?? '';
        const document = user(name).inlineDocuments.get(policyName);
        if (document === undefined) throw new AwsFault('NoSuchEntity', 404);
        return `<UserName>${xml(name)}</UserName><PolicyName>${xml(policyName)}</PolicyName><PolicyDocument>${xml(encodeURIComponent(document))}</PolicyDocument>`;
      }
      case 'ListAccessKeys': {
        const name = p.get('UserName') ?? '';
        const members = user(name).keys.map(
          (k) => `<member><UserName>${xml(name)}</UserName><AccessKeyId>${k.id}</AccessKeyId><Status>${k.status}</Status>` +
            `${k.created === undefined ? '' : `<CreateDate>${k.created.toISOString()}</CreateDate>`}</member>`,
        );
        return `<AccessKeyMetadata>${members.join('')}</AccessKeyMetadata><IsTruncated>false</IsTruncated>`;
      }
      case 'UpdateAccessKey': {
        const key = user(p.get('UserName')).keys.find((k) => k.id === p.get('AccessKeyId'));
        if (key === undefined) throw new AwsFault('NoSuchEntity', 404);
        key.status = p.get('Status') === 'Active' ? 'Active' : 'Inactive';
        return '';
      }
      case 'CreateAccessKey': {
        const name = p.get('UserName') ?? '';
        const u = user(name);
        if (u.keys.length >= 2) throw new AwsFault('LimitExceeded', 409);
        const key: FakeAccessKey = { id: fakeAccessKeyId(), secret: fakeSecretAccessKey(), status: 'Active' };
        u.keys.push(key);
        return `<AccessKey><UserName>${xml(name)}</UserName><AccessKeyId>${key.id}</AccessKeyId><Status>Active</Status>` +
          `<SecretAccessKey>${xml(key.secret)}</SecretAccessKey></AccessKey>`;
      }
      case 'DeleteAccessKey': {
        const u = user(p.get('UserName'));
        const before = u.keys.length;
        u.keys = u.keys.filter((k) => k.id !== p.get('AccessKeyId'));
        if (u.keys.length === before) throw new AwsFault('NoSuchEntity', 404);
        return '';
      }
      default:
        throw new AwsFault('InvalidAction', 400);
    }
  }

  type Json = Record<string, unknown>;
  const tagsOf = (list: unknown): Record<string, string> =>
    Object.fromEntries(((list as Array<{ Key: string; Value: string }> | undefined) ?? []).map((t) => [t.Key, t.Value]));
  const secretOf = (id: unknown): [string, FakeSecret] => {
    const found = [...secrets].find(([name, s]) => name === id || s.arn === id);
    if (found === undefined) throw new AwsFault('ResourceNotFoundException', 400);
    return found;
  };

  function secretsManager(action: string, input: Json): Json {
    switch (action) {
      case 'DescribeSecret': {
        const [name, s] = secretOf(input['SecretId']);
        return {
          ARN: s.arn,
          Name: name,
          Tags: Object.entries(s.tags).map(([Key, Value]) => ({ Key, Value })),
          VersionIdsToStages: s.value === undefined ? {} : { v1: ['AWSCURRENT'] },
        };
      }
      case 'CreateSecret': {
        const name = String(input['Name']);
        if (secrets.has(name)) throw new AwsFault('ResourceExistsException', 400);
        const arn = `arn:aws:secretsmanager:us-east-1:${account}:secret:${name}-${randomBytes(3).toString('hex')}`;
        const value = typeof input['SecretString'] === 'string' ? input['SecretString'] : undefined;
        const kmsKeyId = typeof input['KmsKeyId'] === 'string' ? input['KmsKeyId'] : undefined;
        secrets.set(name, { arn, value, tags: tagsOf(input['Tags']), kmsKeyId });
        return { ARN: arn, Name: name, ...(value === undefined ? {} : { VersionId: 'v1' }) };
      }
      case 'PutSecretValue': {
        const [name, s] = secretOf(input['SecretId']);
        s.value = String(input['SecretString']);
        return { ARN: s.arn, Name: name, VersionId: 'v1' };
      }
      case 'TagResource': {
        const [, s] = secretOf(input['SecretId']);
        Object.assign(s.tags, tagsOf(input['Tags']));
        return {};
      }
      case 'GetSecretValue': {
        const [name, s] = secretOf(input['SecretId']);
        return { ARN: s.arn, Name: name, SecretString: s.value };
      }
      default:
        throw new AwsFault('InvalidAction', 400);
    }
  }

  const holds: Hold[] = [];
  /** The hold this call of `action` triggers, if any. */
  function holdFor(action: string): Promise<void> | undefined {
    const hold = holds.find((h) => h.action === action);
    if (hold === undefined || --hold.left > 0) return undefined;
    holds.splice(holds.indexOf(hold), 1);
    hold.arrived();
    return hold.released;
  }

  const buckets = new Map<string, FakeS3Bucket>();
  const images = new Map<string, FakeImagePermissions>();
  const findings: Array<Record<string, unknown>> = [];
  // Services in their own files (fake-aws/); each answers only its own requests.
  const services: FakeServiceHandler[] = [createFakeGuardDuty(findings, () => state.guardduty.size === 0), createFakeEc2Images(images), createFakeS3Objects(buckets)];
  const serviceContext: FakeServiceContext = {
    account,
    record: (service, action, body) => calls.push({ service, action, body }),
    holdFor: (action) => holdFor(action),
  };

  function handle(req: IncomingMessage, res: ServerResponse, body: string): void {
    const request = parseFakeRequest(req, body);
    // The containment and indicator services (fake-aws/fake-s3-objects.ts, fake-ec2-images.ts,
    // fake-guardduty.ts) answer first for what is theirs: buckets in `buckets`, AMI and snapshot
    // permissions in `images`, GuardDuty when the account's posture state models no detector.
    if (services.some((service) => service(req, res, body, serviceContext))) return;
    for (const handler of handlers) {
      const reply = handler(request);
      if (reply === undefined) continue;
      calls.push({ service: request.service, action: reply.action, body });
      res.writeHead(reply.status, reply.headers);
      res.end(reply.body);
      return;
    }
    if (request.service === 's3') {
      // A bucket neither fake knows, as S3 answers for it.
      const reply = errorReply(request, 'Unknown', new FakeAwsError('NoSuchBucket', 404, 'The specified bucket does not exist'));
      calls.push({ service: 's3', action: reply.action, body });
      res.writeHead(reply.status, reply.headers);
      res.end(reply.body);
      return;
    }
    const target = req.headers['x-amz-target'];
    if (typeof target === 'string' && target.startsWith('secretsmanager.')) {
      const action = target.slice('secretsmanager.'.length);
      calls.push({ service: 'secretsmanager', action, body });
      try {
        const out = secretsManager(action, JSON.parse(body || '{}') as Json);
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(out));
      } catch (err) {
        const fault = err instanceof AwsFault ? err : new AwsFault('InternalFailure', 500);
        res.writeHead(fault.status, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify({ __type: fault.code, Message: fault.code }));
      }
      return;
    }
    const p = new URLSearchParams(body);
    const action = p.get('Action') ?? '';
    const isSts = p.get('Version') === '2011-06-15';
    calls.push({ service: isSts ? 'sts' : 'iam', action, body });
    try {
      const result = isSts ? sts(action, p) : iam(action, p);
      const held = holdFor(action);
      if (held === undefined) queryReply(res, isSts ? STS_NS : IAM_NS, action, result);
      else void held.then(() => res.destroyed || queryReply(res, isSts ? STS_NS : IAM_NS, action, result));
    } catch (err) {
      const fault = err instanceof AwsFault ? err : new AwsFault('InternalFailure', 500);
      res.writeHead(fault.status, { 'content-type': 'text/xml' });
      res.end(`<ErrorResponse xmlns="${isSts ? STS_NS : IAM_NS}"><Error><Type>Sender</Type><Code>${fault.code}</Code>` +
        `<Message>${fault.code}</Message></Error><RequestId>0</RequestId></ErrorResponse>`);
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    account,
    users,
    secrets,
    state,
    addHandler: (handler) => handlers.unshift(handler),
    buckets,
    images,
    findings,
    calls,
    count: (action) => calls.filter((c) => c.action === action).length,
    countBy: (action, param) => {
      const counts = new Map<string, number>();
      for (const c of calls.filter((x) => x.action === action)) {
        const value = new URLSearchParams(c.body).get(param) ?? '';
        counts.set(value, (counts.get(value) ?? 0) + 1);
      }
      return counts;
    },
    holdCall: (action, nth = 1) => {
      let arrived!: () => void;
      let release!: () => void;
      const reached = new Promise<void>((done) => (arrived = done));
      const released = new Promise<void>((done) => (release = done));
      holds.push({ action, left: nth, arrived, released });
      return { reached, release };
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
