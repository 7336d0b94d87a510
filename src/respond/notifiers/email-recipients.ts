/**
 * Who gets an incident e-mail: the owner; on escalation the escalation contacts as well. With
 * no owner on record, the escalation contacts get the first message too, so nobody is silent.
 */
import type { Audience } from '../incident-message-parts.js';
import type { Incident } from '../../domain/incident.js';

export function emailRecipients(incident: Pick<Incident, 'repository'>, audience: Audience): string[] {
  const { ownerEmail, escalationContacts } = incident.repository;
  const owner = ownerEmail === undefined ? [] : [ownerEmail];
  const list = audience === 'escalation' || owner.length === 0 ? [...owner, ...escalationContacts] : owner;
  return [...new Set(list)];
}
