/** One S3 bucket of the fake account with the configuration the handlers serve (and the objects handler may add to). */
export interface FakeBucketGrant {
  /** A group URI (AllUsers, AuthenticatedUsers) or a canonical user id. */
  grantee: string;
  permission: 'READ' | 'WRITE' | 'READ_ACP' | 'WRITE_ACP' | 'FULL_CONTROL';
}

export interface FakePublicAccessBlock {
  BlockPublicAcls: boolean;
  IgnorePublicAcls: boolean;
  BlockPublicPolicy: boolean;
  RestrictPublicBuckets: boolean;
}

export interface FakeBucket {
  name: string;
  region: string;
  tags: Record<string, string>;
  grants: FakeBucketGrant[];
  /** The bucket policy as S3 judges it; undefined when the bucket has no policy. */
  policyIsPublic: boolean | undefined;
  publicAccessBlock: FakePublicAccessBlock | undefined;
  /** Default encryption algorithm, if any. */
  encryption: string | undefined;
  versioning: 'Enabled' | 'Suspended' | undefined;
  /** Where access logs go, if server access logging is on. */
  loggingTarget: string | undefined;
}

export const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
export const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';

export function makeFakeBucket(name: string, fields: Partial<Omit<FakeBucket, 'name'>> = {}): FakeBucket {
  return {
    name,
    region: 'us-east-1',
    tags: {},
    grants: [],
    policyIsPublic: undefined,
    publicAccessBlock: undefined,
    encryption: 'AES256',
    versioning: undefined,
    loggingTarget: undefined,
    ...fields,
  };
}
