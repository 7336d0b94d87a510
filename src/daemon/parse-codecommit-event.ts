/**
 * Turns a CodeCommit change notification into the repositories to scan now. Two shapes reach
 * the webhook, directly or as the Message of an SNS delivery: the EventBridge "CodeCommit
 * Repository State Change" event, and a CodeCommit repository trigger (`Records[]`). Anything
 * else yields no change, so the caller can answer 202 and ignore it.
 */
import { z } from 'zod';

export interface CodecommitChange {
  region: string;
  repositoryName: string;
  account?: string;
  /** Full ref name, e.g. refs/heads/main. */
  ref?: string;
  commitId?: string;
  event: string;
}

const ARN = /^arn:aws[a-z-]*:codecommit:([a-z0-9-]+):(\d{12}):([\w.-]{1,100})$/;

const eventBridgeSchema = z.object({
  source: z.literal('aws.codecommit'),
  'detail-type': z.literal('CodeCommit Repository State Change'),
  region: z.string().min(1),
  account: z.string().optional(),
  detail: z.object({
    event: z.string().min(1),
    repositoryName: z.string().regex(/^[\w.-]{1,100}$/),
    referenceFullName: z.string().optional(),
    referenceName: z.string().optional(),
    referenceType: z.string().optional(),
    commitId: z.string().optional(),
  }),
});

const triggerSchema = z.object({
  Records: z.array(
    z.object({
      eventSource: z.literal('aws:codecommit'),
      eventSourceARN: z.string().regex(ARN),
      eventName: z.string().optional(),
      codecommit: z
        .object({ references: z.array(z.object({ ref: z.string(), commit: z.string().optional() })).optional() })
        .optional(),
    }),
  ),
});

function fromEventBridge(event: z.infer<typeof eventBridgeSchema>): CodecommitChange[] {
  const { detail } = event;
  const ref =
    detail.referenceFullName ??
    (detail.referenceName === undefined
      ? undefined
      : `refs/${detail.referenceType === 'tag' ? 'tags' : 'heads'}/${detail.referenceName}`);
  const change: CodecommitChange = { region: event.region, repositoryName: detail.repositoryName, event: detail.event };
  if (event.account !== undefined) change.account = event.account;
  if (ref !== undefined) change.ref = ref;
  if (detail.commitId !== undefined) change.commitId = detail.commitId;
  return [change];
}

function fromTrigger(trigger: z.infer<typeof triggerSchema>): CodecommitChange[] {
  const changes: CodecommitChange[] = [];
  for (const record of trigger.Records) {
    const [, region, account, repositoryName] = ARN.exec(record.eventSourceARN) as unknown as [string, string, string, string];
    const references = record.codecommit?.references ?? [];
    const event = record.eventName ?? 'ReferenceChanges';
    if (references.length === 0) changes.push({ region, account, repositoryName, event });
    for (const reference of references) {
      const change: CodecommitChange = { region, account, repositoryName, event, ref: reference.ref };
      if (reference.commit !== undefined) change.commitId = reference.commit;
      changes.push(change);
    }
  }
  return changes;
}

export function parseCodecommitEvent(body: unknown): CodecommitChange[] {
  let data = body;
  if (typeof body === 'string') {
    try {
      data = JSON.parse(body) as unknown;
    } catch {
      return [];
    }
  }
  const eventBridge = eventBridgeSchema.safeParse(data);
  if (eventBridge.success) return fromEventBridge(eventBridge.data);
  const trigger = triggerSchema.safeParse(data);
  if (trigger.success) return fromTrigger(trigger.data);
  return [];
}
