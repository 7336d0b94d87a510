/**
 * S3 bucket configuration as the fake serves it: ListBuckets and the GET subresources the
 * posture checks read (publicAccessBlock, policyStatus, acl, encryption, versioning, logging,
 * tagging, location), and the account-level Block Public Access of S3 Control. Object requests
 * (a key, or ?list-type) are not this handler's.
 */
import type { FakeBucket, FakePublicAccessBlock } from './fake-bucket.js';
import { FakeAwsError, answering, xmlEscape, xmlReply } from './route.js';
import type { FakeHandler, FakeReply } from './route.js';

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const SUBRESOURCES: Record<string, string> = {
  publicAccessBlock: 'GetPublicAccessBlock',
  policyStatus: 'GetBucketPolicyStatus',
  acl: 'GetBucketAcl',
  encryption: 'GetBucketEncryption',
  versioning: 'GetBucketVersioning',
  logging: 'GetBucketLogging',
  tagging: 'GetBucketTagging',
  location: 'GetBucketLocation',
};

function pabXml(p: FakePublicAccessBlock, ns: string): string {
  const fields = (['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const).map((k) => `<${k}>${p[k]}</${k}>`).join('');
  return `<PublicAccessBlockConfiguration xmlns="${ns}">${fields}</PublicAccessBlockConfiguration>`;
}

function bucketConfig(action: string, b: FakeBucket): string {
  switch (action) {
    case 'GetPublicAccessBlock':
      if (b.publicAccessBlock === undefined) throw new FakeAwsError('NoSuchPublicAccessBlockConfiguration', 404);
      return pabXml(b.publicAccessBlock, NS);
    case 'GetBucketPolicyStatus':
      if (b.policyIsPublic === undefined) throw new FakeAwsError('NoSuchBucketPolicy', 404);
      return `<PolicyStatus xmlns="${NS}"><IsPublic>${b.policyIsPublic}</IsPublic></PolicyStatus>`;
    case 'GetBucketAcl': {
      const grants = b.grants.map((g) => {
        const grantee = g.grantee.startsWith('http://')
          ? `<Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group"><URI>${xmlEscape(g.grantee)}</URI></Grantee>`
          : `<Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>${xmlEscape(g.grantee)}</ID></Grantee>`;
        return `<Grant>${grantee}<Permission>${g.permission}</Permission></Grant>`;
      });
      return `<AccessControlPolicy xmlns="${NS}"><Owner><ID>owner</ID></Owner><AccessControlList>${grants.join('')}</AccessControlList></AccessControlPolicy>`;
    }
    case 'GetBucketEncryption':
      if (b.encryption === undefined) throw new FakeAwsError('ServerSideEncryptionConfigurationNotFoundError', 404);
      return `<ServerSideEncryptionConfiguration xmlns="${NS}"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>${b.encryption}</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>`;
    case 'GetBucketVersioning':
      return `<VersioningConfiguration xmlns="${NS}">${b.versioning === undefined ? '' : `<Status>${b.versioning}</Status>`}</VersioningConfiguration>`;
    case 'GetBucketLogging':
      return `<BucketLoggingStatus xmlns="${NS}">${b.loggingTarget === undefined ? '' : `<LoggingEnabled><TargetBucket>${xmlEscape(b.loggingTarget)}</TargetBucket><TargetPrefix>logs/</TargetPrefix></LoggingEnabled>`}</BucketLoggingStatus>`;
    case 'GetBucketTagging': {
      const tags = Object.entries(b.tags);
      if (tags.length === 0) throw new FakeAwsError('NoSuchTagSet', 404);
      return `<Tagging xmlns="${NS}"><TagSet>${tags.map(([k, v]) => `<Tag><Key>${xmlEscape(k)}</Key><Value>${xmlEscape(v)}</Value></Tag>`).join('')}</TagSet></Tagging>`;
    }
    default:
      return `<LocationConstraint xmlns="${NS}">${b.region === 'us-east-1' ? '' : b.region}</LocationConstraint>`;
  }
}

export function fakeS3ConfigHandler(state: { buckets: Map<string, FakeBucket>; accountPublicAccessBlock: FakePublicAccessBlock | undefined }): FakeHandler {
  return (req): FakeReply | undefined => {
    if (req.service !== 's3' || req.method !== 'GET') return undefined;
    // The account's Block Public Access is S3 Control's (fake-s3-control.ts).
    if (req.bucket === undefined) {
      const list = [...state.buckets.keys()].map((n) => `<Bucket><Name>${xmlEscape(n)}</Name><CreationDate>2024-01-01T00:00:00.000Z</CreationDate></Bucket>`);
      return xmlReply('ListBuckets', `<ListAllMyBucketsResult xmlns="${NS}"><Owner><ID>owner</ID></Owner><Buckets>${list.join('')}</Buckets></ListAllMyBucketsResult>`);
    }
    if (req.key !== undefined) return undefined;
    const sub = Object.keys(SUBRESOURCES).find((s) => req.query.has(s));
    if (sub === undefined) return undefined;
    const action = SUBRESOURCES[sub]!;
    return answering(req, action, () => {
      const bucket = state.buckets.get(req.bucket!);
      if (bucket === undefined) throw new FakeAwsError('NoSuchBucket', 404);
      return xmlReply(action, bucketConfig(action, bucket));
    });
  };
}
