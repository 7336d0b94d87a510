/** The IAM reads of the posture checks, one function per command. */
import {
  GetAccessKeyLastUsedCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  paginateGetAccountAuthorizationDetails,
  paginateListAccessKeys,
  paginateListMFADevices,
} from '@aws-sdk/client-iam';
import type { AccessKeyMetadata, GetAccountAuthorizationDetailsCommandOutput, IAMClient } from '@aws-sdk/client-iam';

/** Users, groups, roles and customer managed policies with their documents, all pages. */
export async function getAccountAuthorizationDetails(client: IAMClient): Promise<GetAccountAuthorizationDetailsCommandOutput[]> {
  const pages: GetAccountAuthorizationDetailsCommandOutput[] = [];
  const input = { Filter: ['User' as const, 'Group' as const, 'Role' as const, 'LocalManagedPolicy' as const] };
  for await (const page of paginateGetAccountAuthorizationDetails({ client }, input)) pages.push(page);
  return pages;
}

/** The default version's document of a managed policy (AWS managed ones are not in the details above). */
export async function getPolicyDocument(client: IAMClient, policyArn: string): Promise<string | undefined> {
  const policy = await client.send(new GetPolicyCommand({ PolicyArn: policyArn }));
  const versionId = policy.Policy?.DefaultVersionId;
  if (versionId === undefined) return undefined;
  const version = await client.send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: versionId }));
  return version.PolicyVersion?.Document;
}

export async function countMfaDevices(client: IAMClient, userName: string): Promise<number> {
  let count = 0;
  for await (const page of paginateListMFADevices({ client }, { UserName: userName })) count += page.MFADevices?.length ?? 0;
  return count;
}

export async function listAccessKeys(client: IAMClient, userName: string): Promise<AccessKeyMetadata[]> {
  const keys: AccessKeyMetadata[] = [];
  for await (const page of paginateListAccessKeys({ client }, { UserName: userName })) keys.push(...(page.AccessKeyMetadata ?? []));
  return keys;
}

export async function getAccessKeyLastUsedDate(client: IAMClient, accessKeyId: string): Promise<Date | undefined> {
  const out = await client.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: accessKeyId }));
  return out.AccessKeyLastUsed?.LastUsedDate;
}
