/**
 * Eradication of unrecognised objects in a code bucket: objects written from a public IP address
 * or by a principal not among the store's writers, as the indicators listed them in the incident
 * (`s3.unrecognised-object` entries, with their version ids). Only on approval (or `auto`), each
 * listed version is deleted by its version id, so nothing else, not a later good write, is
 * touched; in a bucket without versioning the object is deleted only if it was not written again
 * since. Each deletion is recorded as it happens; one already gone counts as done.
 */
import { DeleteObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import type { ActionResult, TimelineEntry } from '../../../domain/incident.js';
import type { IncidentRecord } from '../../incident-store.js';
import { attempt, errorEntry, makeEntry } from '../../timeline-entry.js';
import type { CodeStoreContainContext, CodeStoreContainer, CodeStorePlanContext } from '../types.js';

const ID = 's3-unrecognised-objects';
export const UNRECOGNISED_OBJECT = 's3.unrecognised-object';
const DELETED = 's3.delete-unrecognised-object';
/** CloudTrail's event time and S3's Last-Modified differ by the upload's duration. */
const WRITE_SLACK_MS = 15 * 60_000;

export interface UnrecognisedObject {
  bucket: string;
  key: string;
  /** Absent in a bucket without versioning. */
  versionId?: string;
  writtenAt: string;
}

function objectKey(o: Pick<UnrecognisedObject, 'bucket' | 'key' | 'versionId'>): string {
  return JSON.stringify([o.bucket, o.key, o.versionId ?? null]);
}

/** The objects the incident lists, once each, in the order they were found. */
export function listedObjects(incident: Pick<IncidentRecord, 'timeline'>): UnrecognisedObject[] {
  const seen = new Map<string, UnrecognisedObject>();
  for (const e of incident.timeline) {
    if (e.action !== UNRECOGNISED_OBJECT || typeof e.data?.bucket !== 'string' || typeof e.data.key !== 'string') continue;
    const o: UnrecognisedObject = { bucket: e.data.bucket, key: e.data.key, writtenAt: String(e.data.writtenAt ?? e.at.toISOString()) };
    if (typeof e.data.versionId === 'string' && e.data.versionId !== 'null') o.versionId = e.data.versionId;
    if (!seen.has(objectKey(o))) seen.set(objectKey(o), o);
  }
  return [...seen.values()];
}

function deleted(timeline: TimelineEntry[], o: UnrecognisedObject): boolean {
  return timeline.some((e) => e.action === DELETED && e.outcome === 'ok' && e.data?.object === objectKey(o));
}

function name(o: UnrecognisedObject): string {
  return `s3://${o.bucket}/${o.key}${o.versionId === undefined ? '' : ` (version ${o.versionId})`}`;
}

function isGone(err: unknown): boolean {
  const n = (err as { name?: string }).name;
  return n === 'NoSuchKey' || n === 'NoSuchVersion' || n === 'NotFound';
}

async function deleteOne(s3: S3Client, o: UnrecognisedObject): Promise<'deleted' | 'gone' | 'rewritten'> {
  if (o.versionId === undefined) {
    try {
      const head = await s3.send(new HeadObjectCommand({ Bucket: o.bucket, Key: o.key }));
      if (head.LastModified !== undefined && head.LastModified.getTime() > Date.parse(o.writtenAt) + WRITE_SLACK_MS) return 'rewritten';
    } catch (err) {
      if (isGone(err)) return 'gone';
      throw err;
    }
  }
  try {
    await s3.send(new DeleteObjectCommand({ Bucket: o.bucket, Key: o.key, ...(o.versionId === undefined ? {} : { VersionId: o.versionId }) }));
    return 'deleted';
  } catch (err) {
    if (isGone(err)) return 'gone';
    throw err;
  }
}

export const s3UnrecognisedObjectsContainer: CodeStoreContainer = {
  id: ID,
  title: 'Delete unrecognised objects',
  family: 's3',
  appliesTo: (incident) => incident.exposure.codeStore?.kind === 's3' && listedObjects(incident).length > 0,
  plan(ctx: CodeStorePlanContext): ActionResult {
    const objects = listedObjects(ctx.incident);
    const detail = `Would delete ${objects.length} unrecognised object version(s): ${objects.slice(0, 20).map(name).join(', ')}${objects.length > 20 ? ', …' : ''}.`;
    return { entries: [makeEntry({ provider: ID, now: ctx.now }, 'eradication', `${DELETED}.plan`, 'planned', detail, { objects: objects.length })], remainingSteps: [], followUps: [] };
  },
  async contain(ctx: CodeStoreContainContext): Promise<ActionResult> {
    const at = { provider: ID, now: ctx.now };
    const s3 = ctx.clients.s3?.(ctx.target.region);
    const result: ActionResult = { entries: [], remainingSteps: [], followUps: [] };
    if (s3 === undefined) return { ...result, entries: [makeEntry(at, 'eradication', DELETED, 'skipped', 'No S3 client configured.')] };
    for (const o of listedObjects(ctx.incident)) {
      if (deleted(ctx.incident.timeline, o)) continue;
      const data = { bucket: o.bucket, key: o.key, versionId: o.versionId ?? null, object: objectKey(o) };
      const done = await attempt(() => deleteOne(s3, o));
      if (!done.ok) {
        result.entries.push(errorEntry(at, 'eradication', DELETED, `Deleting ${name(o)}`, done.error, data));
        result.remainingSteps.push(`Delete ${name(o)} by hand if it is not ours.`);
        continue;
      }
      if (done.value === 'rewritten') {
        const entry = makeEntry(at, 'eradication', DELETED, 'skipped', `${name(o)} was written again since; left in place for a person to check.`, data);
        result.entries.push(entry);
        result.remainingSteps.push(`Check ${name(o)}: it was written again after the unrecognised write.`);
        continue;
      }
      const detail = done.value === 'deleted' ? `Deleted ${name(o)}.` : `${name(o)} was already gone.`;
      // Recorded at once: a kill after this deletion does not repeat it.
      ctx.record(makeEntry(at, 'eradication', DELETED, 'ok', detail, data));
    }
    return result;
  },
};
