/**
 * S3 Control's account-level Block Public Access (REST-XML under `/v20180820/`, the account in
 * `x-amz-account-id` and in front of the host name): GetPublicAccessBlock, PutPublicAccessBlock
 * and DeletePublicAccessBlock on the account's one configuration. Recorded under the IAM action
 * names (`GetAccountPublicAccessBlock`, ...), so tests tell them apart from the bucket-level calls.
 */
import type { FakePublicAccessBlock } from './fake-bucket.js';
import { FakeAwsError, answering, xmlReply } from './route.js';
import type { FakeHandler, FakeReply } from './route.js';

const NS = 'http://awss3control.amazonaws.com/doc/2018-08-20/';
const FLAGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;

export function fakeS3ControlHandler(state: { account: string; accountPublicAccessBlock: FakePublicAccessBlock | undefined }): FakeHandler {
  return (req): FakeReply | undefined => {
    if (req.service !== 's3' || !req.path.startsWith('/v20180820/configuration/publicAccessBlock')) return undefined;
    const action = req.method === 'GET' ? 'GetAccountPublicAccessBlock' : req.method === 'PUT' ? 'PutAccountPublicAccessBlock' : 'DeleteAccountPublicAccessBlock';
    return answering(req, action, () => {
      if (req.headers['x-amz-account-id'] !== state.account) throw new FakeAwsError('AccessDenied', 403, 'not this account');
      if (action === 'GetAccountPublicAccessBlock') {
        const block = state.accountPublicAccessBlock;
        if (block === undefined) throw new FakeAwsError('NoSuchPublicAccessBlockConfiguration', 404);
        return xmlReply(action, `<PublicAccessBlockConfiguration xmlns="${NS}">${FLAGS.map((f) => `<${f}>${String(block[f])}</${f}>`).join('')}</PublicAccessBlockConfiguration>`);
      }
      if (action === 'PutAccountPublicAccessBlock') {
        const read = (f: string): boolean => new RegExp(`<${f}>true</${f}>`).test(req.body);
        state.accountPublicAccessBlock = { BlockPublicAcls: read('BlockPublicAcls'), IgnorePublicAcls: read('IgnorePublicAcls'), BlockPublicPolicy: read('BlockPublicPolicy'), RestrictPublicBuckets: read('RestrictPublicBuckets') };
      } else {
        state.accountPublicAccessBlock = undefined;
      }
      return { action, status: 200, headers: {}, body: '' };
    });
  };
}
