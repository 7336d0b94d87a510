/**
 * Containment: revoke the public launch permission of an exposed AMI (`launchPermission` group
 * `all`) or the public create-volume permission of an EBS snapshot. The current permissions are
 * read first and recorded (with the command that restores them); an image or snapshot already
 * private is left alone, so running again after a kill -9 makes no second change.
 */
import {
  DescribeImageAttributeCommand,
  DescribeSnapshotAttributeCommand,
  ModifyImageAttributeCommand,
  ModifySnapshotAttributeCommand,
} from '@aws-sdk/client-ec2';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { ec2ResourceType } from '../../../domain/code-store.js';
import type { ActionResult } from '../../../domain/incident.js';
import { attempt, errorEntry, makeEntry } from '../../timeline-entry.js';
import type { CodeStoreContainContext, CodeStoreContainer, CodeStorePlanContext } from '../types.js';

const ID = 'ec2-public-launch';
const REVOKE = 'ec2.revoke-public-launch';
const PREVIOUS = 'ec2.public-launch.previous';

interface Permissions {
  public: boolean;
  /** Account ids also granted, kept as they are. */
  accounts: string[];
}

async function readPermissions(ec2: EC2Client, id: string): Promise<Permissions> {
  if (ec2ResourceType(id) === 'image') {
    const out = await ec2.send(new DescribeImageAttributeCommand({ ImageId: id, Attribute: 'launchPermission' }));
    const list = out.LaunchPermissions ?? [];
    return { public: list.some((p) => p.Group === 'all'), accounts: list.flatMap((p) => (p.UserId === undefined ? [] : [p.UserId])) };
  }
  const out = await ec2.send(new DescribeSnapshotAttributeCommand({ SnapshotId: id, Attribute: 'createVolumePermission' }));
  const list = out.CreateVolumePermissions ?? [];
  return { public: list.some((p) => p.Group === 'all'), accounts: list.flatMap((p) => (p.UserId === undefined ? [] : [p.UserId])) };
}

function revoke(ec2: EC2Client, id: string): Promise<unknown> {
  if (ec2ResourceType(id) === 'image') {
    return ec2.send(new ModifyImageAttributeCommand({ ImageId: id, LaunchPermission: { Remove: [{ Group: 'all' }] } }));
  }
  return ec2.send(new ModifySnapshotAttributeCommand({ SnapshotId: id, Attribute: 'createVolumePermission', OperationType: 'remove', GroupNames: ['all'] }));
}

function restoreCommand(id: string): string {
  return ec2ResourceType(id) === 'image'
    ? `aws ec2 modify-image-attribute --image-id ${id} --launch-permission "Add=[{Group=all}]"`
    : `aws ec2 modify-snapshot-attribute --snapshot-id ${id} --attribute createVolumePermission --operation-type add --group-names all`;
}

export const ec2PublicLaunchContainer: CodeStoreContainer = {
  id: ID,
  title: 'Revoke public AMI / snapshot permission',
  family: 'ec2',
  appliesTo: (incident) => {
    const id = incident.exposure.codeStore?.resourceId;
    const type = id === undefined ? undefined : ec2ResourceType(id);
    return type === 'image' || type === 'snapshot';
  },
  plan(ctx: CodeStorePlanContext): ActionResult {
    const id = ctx.target.resourceId!;
    const what = ec2ResourceType(id) === 'image' ? 'public launch permission of AMI' : 'public create-volume permission of snapshot';
    return { entries: [makeEntry({ provider: ID, now: ctx.now }, 'containment', 'ec2.revoke-public-launch.plan', 'planned', `Would revoke the ${what} ${id} (accounts granted by id keep their access).`, { resourceId: id })], remainingSteps: [], followUps: [] };
  },
  async contain(ctx: CodeStoreContainContext): Promise<ActionResult> {
    const at = { provider: ID, now: ctx.now };
    const id = ctx.target.resourceId!;
    const ec2 = ctx.clients.ec2?.(ctx.target.region);
    if (ec2 === undefined) return { entries: [makeEntry(at, 'containment', REVOKE, 'skipped', 'No EC2 client configured.')], remainingSteps: [`Make ${id} private by hand.`], followUps: [] };
    const current = await attempt(() => readPermissions(ec2, id));
    if (!current.ok) return { entries: [errorEntry(at, 'containment', REVOKE, `Reading the permissions of ${id}`, current.error, { resourceId: id })], remainingSteps: [], followUps: [] };
    if (!ctx.incident.timeline.some((e) => e.action === PREVIOUS && e.data?.resourceId === id)) {
      const { public: open, accounts } = current.value;
      ctx.record(makeEntry(at, 'containment', PREVIOUS, 'ok',
        `${id} before containment: ${open ? 'public' : 'not public'}${accounts.length > 0 ? `, shared with ${accounts.join(', ')}` : ''}.${open ? ` Restore with: ${restoreCommand(id)}` : ''}`,
        { resourceId: id, public: open, accounts: accounts.join(','), ...(open ? { restore: restoreCommand(id) } : {}) }));
    }
    if (!current.value.public) {
      return { entries: [makeEntry(at, 'containment', REVOKE, 'ok', `${id} is not public; nothing to change.`, { resourceId: id, changed: false })], remainingSteps: [], followUps: [] };
    }
    const done = await attempt(() => revoke(ec2, id));
    if (!done.ok) {
      return { entries: [errorEntry(at, 'containment', REVOKE, `Revoking the public permission of ${id}`, done.error, { resourceId: id })], remainingSteps: [`Make ${id} private by hand.`], followUps: [] };
    }
    const steps = ['Anyone may have copied the image or snapshot while it was public: treat the code and every credential on it as exposed.'];
    return { entries: [makeEntry(at, 'containment', REVOKE, 'ok', `Revoked the public permission of ${id}.`, { resourceId: id, changed: true })], remainingSteps: steps, followUps: [] };
  },
};
