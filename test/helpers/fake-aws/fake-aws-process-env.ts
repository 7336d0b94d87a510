// The environment a leakwatch child process needs to reach the fake AWS through the SDK's own
// endpoint setting, with built-at-run-time keys and no machine AWS configuration or metadata.
import { join } from 'node:path';
import { fakeAccessKeyId, fakeSecretAccessKey } from '../fake-credentials.js';

/** `root`: a temp folder whose absent files stand in for the AWS config and credentials files. */
export function fakeAwsProcessEnv(endpointUrl: string, root: string): NodeJS.ProcessEnv {
  return {
    AWS_ENDPOINT_URL: endpointUrl,
    AWS_ACCESS_KEY_ID: fakeAccessKeyId(),
    AWS_SECRET_ACCESS_KEY: fakeSecretAccessKey(),
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(root, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(root, 'no-aws-credentials'),
  };
}
