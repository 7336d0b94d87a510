/**
 * Fake EC2 (query protocol, Version 2016-11-15) for the public-permission containment: AMI
 * launch permissions and snapshot create-volume permissions, each a list of `all` (public) and
 * account ids.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeServiceContext } from './service-context.js';
import { replyAfterHold } from './service-context.js';

export interface FakeImagePermissions {
  /** `all` for public, or account ids. */
  grants: string[];
}

const NS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

function items(grants: string[]): string {
  return grants.map((g) => (g === 'all' ? '<item><group>all</group></item>' : `<item><userId>${g}</userId></item>`)).join('');
}

function reply(res: ServerResponse, action: string, inner: string): void {
  res.writeHead(200, { 'content-type': 'text/xml' });
  res.end(`<${action}Response xmlns="${NS}"><requestId>0</requestId>${inner}</${action}Response>`);
}

const IMAGE_ACTIONS = new Set(['DescribeImageAttribute', 'DescribeSnapshotAttribute', 'ModifyImageAttribute', 'ModifySnapshotAttribute']);

export function createFakeEc2Images(resources: Map<string, FakeImagePermissions>) {
  return (req: IncomingMessage, res: ServerResponse, body: string, ctx: FakeServiceContext): boolean => {
    if (req.method !== 'POST' || !body.includes('Version=2016-11-15')) return false;
    const p = new URLSearchParams(body);
    const action = p.get('Action') ?? '';
    // Only image and snapshot permissions; the posture fake (fake-ec2.ts) serves the rest of EC2.
    if (!IMAGE_ACTIONS.has(action)) return false;
    ctx.record('ec2', action, body);
    const id = p.get('ImageId') ?? p.get('SnapshotId') ?? '';
    const resource = resources.get(id);
    if (resource === undefined) {
      res.writeHead(400, { 'content-type': 'text/xml' });
      res.end(`<Response><Errors><Error><Code>InvalidAMIID.NotFound</Code><Message>${id}</Message></Error></Errors><RequestID>0</RequestID></Response>`);
      return true;
    }
    switch (action) {
      case 'DescribeImageAttribute':
        reply(res, action, `<imageId>${id}</imageId><launchPermission>${items(resource.grants)}</launchPermission>`);
        return true;
      case 'DescribeSnapshotAttribute':
        reply(res, action, `<snapshotId>${id}</snapshotId><createVolumePermission>${items(resource.grants)}</createVolumePermission>`);
        return true;
      case 'ModifyImageAttribute':
      case 'ModifySnapshotAttribute': {
        const removesAll = p.get('LaunchPermission.Remove.1.Group') === 'all' || (p.get('OperationType') === 'remove' && (p.get('UserGroup.1') === 'all' || p.get('GroupNames.1') === 'all'));
        const addsAll = p.get('LaunchPermission.Add.1.Group') === 'all' || (p.get('OperationType') === 'add' && (p.get('UserGroup.1') === 'all' || p.get('GroupNames.1') === 'all'));
        if (removesAll) resource.grants = resource.grants.filter((g) => g !== 'all');
        if (addsAll && !resource.grants.includes('all')) resource.grants.push('all');
        replyAfterHold(ctx, action, res, () => reply(res, action, '<return>true</return>'));
        return true;
      }
      default:
        res.writeHead(400, { 'content-type': 'text/xml' });
        res.end('<Response><Errors><Error><Code>InvalidAction</Code><Message>InvalidAction</Message></Error></Errors><RequestID>0</RequestID></Response>');
        return true;
    }
  };
}
