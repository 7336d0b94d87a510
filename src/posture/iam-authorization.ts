/**
 * Who holds which IAM policies: every user (with its groups' policies) and every role of the
 * account with its policy documents, from GetAccountAuthorizationDetails. Customer managed
 * policies come with it; the AWS managed policies attached to someone are read once each.
 */
import type { GetAccountAuthorizationDetailsCommandOutput, IAMClient } from '@aws-sdk/client-iam';
import { getAccountAuthorizationDetails, getPolicyDocument } from './aws/iam.js';
import { parsePolicyDocument } from './policy-document.js';
import type { PolicyDocument } from './policy-document.js';

export interface PrincipalPolicies {
  kind: 'user' | 'role';
  name: string;
  arn: string;
  path: string;
  documents: PolicyDocument[];
}

export interface AuthorizationDetails {
  users: PrincipalPolicies[];
  roles: PrincipalPolicies[];
}

interface Inline { PolicyName?: string; PolicyDocument?: string }
interface Attached { PolicyArn?: string }

export async function loadAuthorizationDetails(client: IAMClient): Promise<AuthorizationDetails> {
  const pages: GetAccountAuthorizationDetailsCommandOutput[] = await getAccountAuthorizationDetails(client);
  const managed = new Map<string, PolicyDocument | undefined>();
  for (const policy of pages.flatMap((p) => p.Policies ?? [])) {
    const version = policy.PolicyVersionList?.find((v) => v.IsDefaultVersion === true);
    if (policy.Arn !== undefined && version?.Document !== undefined) managed.set(policy.Arn, parsePolicyDocument(policy.Arn, version.Document));
  }
  async function attached(list: readonly Attached[] | undefined): Promise<PolicyDocument[]> {
    const docs: PolicyDocument[] = [];
    for (const { PolicyArn: arn } of list ?? []) {
      if (arn === undefined) continue;
      if (!managed.has(arn)) {
        const text = await getPolicyDocument(client, arn);
        managed.set(arn, text === undefined ? undefined : parsePolicyDocument(arn, text));
      }
      const doc = managed.get(arn);
      if (doc !== undefined) docs.push(doc);
    }
    return docs;
  }
  const inline = (list: readonly Inline[] | undefined, owner: string): PolicyDocument[] =>
    (list ?? []).filter((p) => p.PolicyDocument !== undefined).map((p) => parsePolicyDocument(`inline:${owner}/${p.PolicyName ?? ''}`, p.PolicyDocument!));

  const groups = new Map<string, PolicyDocument[]>();
  for (const g of pages.flatMap((p) => p.GroupDetailList ?? [])) {
    const name = g.GroupName ?? '';
    groups.set(name, [...inline(g.GroupPolicyList, `group/${name}`), ...(await attached(g.AttachedManagedPolicies))]);
  }
  const users: PrincipalPolicies[] = [];
  for (const u of pages.flatMap((p) => p.UserDetailList ?? [])) {
    const name = u.UserName ?? '';
    const documents = [...inline(u.UserPolicyList, `user/${name}`), ...(await attached(u.AttachedManagedPolicies))];
    for (const group of u.GroupList ?? []) documents.push(...(groups.get(group) ?? []));
    users.push({ kind: 'user', name, arn: u.Arn ?? '', path: u.Path ?? '/', documents });
  }
  const roles: PrincipalPolicies[] = [];
  for (const r of pages.flatMap((p) => p.RoleDetailList ?? [])) {
    const name = r.RoleName ?? '';
    const documents = [...inline(r.RolePolicyList, `role/${name}`), ...(await attached(r.AttachedManagedPolicies))];
    roles.push({ kind: 'role', name, arn: r.Arn ?? '', path: r.Path ?? '/', documents });
  }
  return { users, roles };
}
