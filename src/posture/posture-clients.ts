/**
 * The AWS clients the posture checks read through, made on first use and kept per region. They
 * take the default credential chain and honour AWS_ENDPOINT_URL like every client here.
 */
import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ECRClient } from '@aws-sdk/client-ecr';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { IAMClient } from '@aws-sdk/client-iam';
import { Macie2Client } from '@aws-sdk/client-macie2';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { STSClient } from '@aws-sdk/client-sts';

export interface PostureClients {
  accessAnalyzer(region: string): AccessAnalyzerClient;
  cloudtrail(region: string): CloudTrailClient;
  codebuild(region: string): CodeBuildClient;
  configService(region: string): ConfigServiceClient;
  ec2(region: string): EC2Client;
  ecr(region: string): ECRClient;
  eventbridge(region: string): EventBridgeClient;
  guardduty(region: string): GuardDutyClient;
  macie(region: string): Macie2Client;
  /** IAM, STS, S3 and S3 Control are global here: they are asked in the home region. */
  iam(): IAMClient;
  sts(): STSClient;
  s3(): S3Client;
  s3control(): S3ControlClient;
}

function perRegion<T>(make: (region: string) => T): (region: string) => T {
  const made = new Map<string, T>();
  return (region) => {
    let client = made.get(region);
    if (client === undefined) made.set(region, (client = make(region)));
    return client;
  };
}

/** `homeRegion` is where the global services are asked. */
export function createPostureClients(homeRegion: string): PostureClients {
  const global = perRegion((region) => ({
    iam: new IAMClient({ region }),
    sts: new STSClient({ region }),
    // A bucket in another region answers with a redirect the client follows.
    s3: new S3Client({ region, followRegionRedirects: true }),
    s3control: new S3ControlClient({ region }),
  }));
  return {
    accessAnalyzer: perRegion((region) => new AccessAnalyzerClient({ region })),
    cloudtrail: perRegion((region) => new CloudTrailClient({ region })),
    codebuild: perRegion((region) => new CodeBuildClient({ region })),
    configService: perRegion((region) => new ConfigServiceClient({ region })),
    ec2: perRegion((region) => new EC2Client({ region })),
    ecr: perRegion((region) => new ECRClient({ region })),
    eventbridge: perRegion((region) => new EventBridgeClient({ region })),
    guardduty: perRegion((region) => new GuardDutyClient({ region })),
    macie: perRegion((region) => new Macie2Client({ region })),
    iam: () => global(homeRegion).iam,
    sts: () => global(homeRegion).sts,
    s3: () => global(homeRegion).s3,
    s3control: () => global(homeRegion).s3control,
  };
}
