/**
 * The IAM reads of the posture checks (query protocol), over the fake's users plus the groups,
 * roles, managed policies and MFA devices kept here: GetAccountAuthorizationDetails, GetPolicy,
 * GetPolicyVersion and ListMFADevices. Documents go out URL-encoded, as IAM sends them.
 */
import { FakeAwsError, answering, xmlEscape, xmlReply } from './route.js';
import type { FakeHandler, FakeReply } from './route.js';

export interface FakeIamUserView {
  attachedPolicies: string[];
  inlineDocuments: Map<string, string>;
}

export interface FakeIamPrincipal {
  inline: Record<string, string>;
  attached: string[];
}

export interface FakeIamState {
  account: string;
  users: Map<string, FakeIamUserView>;
  /** Group name → its policies and member user names. */
  groups: Map<string, FakeIamPrincipal & { members: string[] }>;
  roles: Map<string, FakeIamPrincipal & { path: string }>;
  /** Managed policy ARN (customer or AWS managed) → document. */
  managedPolicies: Map<string, string>;
  /** Users with an MFA device. */
  mfaUsers: Set<string>;
}

const ACTIONS = new Set(['GetAccountAuthorizationDetails', 'GetPolicy', 'GetPolicyVersion', 'ListMFADevices']);
const NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
const enc = (doc: string): string => xmlEscape(encodeURIComponent(doc));

function reply(action: string, result: string): FakeReply {
  return xmlReply(action, `<${action}Response xmlns="${NS}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>0</RequestId></ResponseMetadata></${action}Response>`);
}

function policies(inline: Iterable<[string, string]>, attached: readonly string[], listName: string): string {
  const inl = [...inline].map(([name, doc]) => `<member><PolicyName>${xmlEscape(name)}</PolicyName><PolicyDocument>${enc(doc)}</PolicyDocument></member>`);
  const att = attached.map((arn) => `<member><PolicyName>${xmlEscape(arn.split('/').pop() ?? '')}</PolicyName><PolicyArn>${xmlEscape(arn)}</PolicyArn></member>`);
  return `<${listName}>${inl.join('')}</${listName}><AttachedManagedPolicies>${att.join('')}</AttachedManagedPolicies>`;
}

export function fakeIamPostureHandler(state: FakeIamState): FakeHandler {
  return (req): FakeReply | undefined => {
    if (req.service !== 'iam') return undefined;
    const p = new URLSearchParams(req.body);
    const action = p.get('Action') ?? '';
    if (!ACTIONS.has(action)) return undefined;
    const { account } = state;
    return answering(req, action, () => {
      switch (action) {
        case 'GetAccountAuthorizationDetails': {
          const users = [...state.users].map(([name, u]) => {
            const groups = [...state.groups].filter(([, g]) => g.members.includes(name)).map(([g]) => `<member>${xmlEscape(g)}</member>`);
            return `<member><UserName>${xmlEscape(name)}</UserName><Path>/</Path><UserId>AIDA${name.length}</UserId><Arn>arn:aws:iam::${account}:user/${xmlEscape(name)}</Arn>` +
              `${policies(u.inlineDocuments, u.attachedPolicies, 'UserPolicyList')}<GroupList>${groups.join('')}</GroupList></member>`;
          });
          const groups = [...state.groups].map(([name, g]) => `<member><GroupName>${xmlEscape(name)}</GroupName><Path>/</Path><Arn>arn:aws:iam::${account}:group/${xmlEscape(name)}</Arn>${policies(Object.entries(g.inline), g.attached, 'GroupPolicyList')}</member>`);
          const roles = [...state.roles].map(([name, r]) => `<member><RoleName>${xmlEscape(name)}</RoleName><Path>${xmlEscape(r.path)}</Path><Arn>arn:aws:iam::${account}:role${xmlEscape(r.path)}${xmlEscape(name)}</Arn>${policies(Object.entries(r.inline), r.attached, 'RolePolicyList')}</member>`);
          const local = [...state.managedPolicies].filter(([arn]) => arn.startsWith(`arn:aws:iam::${account}:`)).map(([arn, doc]) =>
            `<member><PolicyName>${xmlEscape(arn.split('/').pop() ?? '')}</PolicyName><Arn>${xmlEscape(arn)}</Arn><DefaultVersionId>v1</DefaultVersionId>` +
            `<PolicyVersionList><member><Document>${enc(doc)}</Document><VersionId>v1</VersionId><IsDefaultVersion>true</IsDefaultVersion></member></PolicyVersionList></member>`);
          return reply(action, `<UserDetailList>${users.join('')}</UserDetailList><GroupDetailList>${groups.join('')}</GroupDetailList><RoleDetailList>${roles.join('')}</RoleDetailList><Policies>${local.join('')}</Policies><IsTruncated>false</IsTruncated>`);
        }
        case 'GetPolicy': {
          const arn = p.get('PolicyArn') ?? '';
          if (!state.managedPolicies.has(arn)) throw new FakeAwsError('NoSuchEntity', 404);
          return reply(action, `<Policy><PolicyName>${xmlEscape(arn.split('/').pop() ?? '')}</PolicyName><Arn>${xmlEscape(arn)}</Arn><DefaultVersionId>v1</DefaultVersionId></Policy>`);
        }
        case 'GetPolicyVersion': {
          const doc = state.managedPolicies.get(p.get('PolicyArn') ?? '');
          if (doc === undefined) throw new FakeAwsError('NoSuchEntity', 404);
          return reply(action, `<PolicyVersion><Document>${enc(doc)}</Document><VersionId>v1</VersionId><IsDefaultVersion>true</IsDefaultVersion></PolicyVersion>`);
        }
        case 'ListMFADevices': {
          const name = p.get('UserName') ?? '';
          const device = state.mfaUsers.has(name) ? `<member><UserName>${xmlEscape(name)}</UserName><SerialNumber>arn:aws:iam::${account}:mfa/${xmlEscape(name)}</SerialNumber><EnableDate>2024-01-01T00:00:00Z</EnableDate></member>` : '';
          return reply(action, `<MFADevices>${device}</MFADevices><IsTruncated>false</IsTruncated>`);
        }
        default:
          throw new FakeAwsError('InvalidAction');
      }
    });
  };
}
