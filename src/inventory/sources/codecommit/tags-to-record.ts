/**
 * Reads owner, team, escalation contacts, SNS topic and classification from a repository's
 * tags (keys from config). A malformed value is dropped with a warning, so one mistyped tag
 * reads as "missing" (and is reported) rather than breaking the inventory.
 */
import { z } from 'zod';
import { CLASSIFICATIONS } from '../../../config/options.js';
import type { LeakwatchConfig } from '../../../config/config-types.js';
import type { Logger } from '../../../logger.js';
import type { Classification, InventoryRecord } from '../../types.js';

export type TagKeys = LeakwatchConfig['inventory']['codecommit']['tagKeys'];

type TagFields = Pick<InventoryRecord, 'owner' | 'escalationContacts' | 'snsTopicArn' | 'classification'>;

const email = z.email();
const snsArn = z.string().regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256}$/);

function isClassification(value: string): value is Classification {
  return (CLASSIFICATIONS as readonly string[]).includes(value);
}

export function tagsToRecord(tags: Record<string, string>, keys: TagKeys, log: Logger, repo: string): TagFields {
  const fields: TagFields = { owner: {} };

  const owner = tags[keys.owner]?.trim();
  if (owner) {
    if (email.safeParse(owner).success) fields.owner.email = owner;
    else log.warn({ repo, tag: keys.owner }, 'Owner tag is not an e-mail address');
  }

  const team = tags[keys.team]?.trim();
  if (team) fields.owner.team = team;

  // AWS tag values cannot contain commas, so contacts are separated by whitespace.
  const contacts = (tags[keys.contact] ?? '').split(/\s+/).filter((item) => item !== '');
  const validContacts = contacts.filter((item) => email.safeParse(item).success);
  if (validContacts.length < contacts.length) {
    log.warn({ repo, tag: keys.contact }, 'Escalation contact tag holds a value that is not an e-mail address');
  }
  if (validContacts.length > 0) fields.escalationContacts = validContacts;

  const topic = tags[keys.snsTopic]?.trim();
  if (topic) {
    if (snsArn.safeParse(topic).success) fields.snsTopicArn = topic;
    else log.warn({ repo, tag: keys.snsTopic }, 'SNS topic tag is not an SNS topic ARN');
  }

  const classification = tags[keys.classification]?.trim().toLowerCase();
  if (classification) {
    if (isClassification(classification)) fields.classification = classification;
    else log.warn({ repo, tag: keys.classification, value: classification }, 'Unknown data classification tag');
  }
  return fields;
}
