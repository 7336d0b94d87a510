/**
 * The Notifier interface: one delivery channel per folder beside this file. A notifier sends an
 * already rendered IncidentMessage (which cannot contain the secret) and returns the timeline
 * entry recording the delivery; it never throws for a delivery failure.
 */
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { Transporter } from 'nodemailer';
import type { Logger } from '../../logger.js';
import type { Audience } from '../incident-message-parts.js';
import type { IncidentMessage } from '../render-incident-message.js';
import type { Incident, PlaybookPhase, TimelineEntry } from '../../domain/incident.js';

export interface NotifierDeps {
  ses?: { client: SESv2Client; from: string; configurationSetName?: string };
  smtp?: { transport: Transporter; from: string };
  /** A repository's own topic wins over the default. */
  sns?: { client: SNSClient; defaultTopicArn?: string };
}

/**
 * What a notifier reads of what it announces: an incident, or a posture check that turned to
 * fail (kind `posture`, its resource as the repository name, its owner as the owner).
 */
export type NotifySubject = Pick<Incident, 'id' | 'severity' | 'repository'> & { kind: Incident['kind'] | 'posture' };

export interface NotifyContext {
  incident: NotifySubject;
  message: IncidentMessage;
  audience: Audience;
  deps: NotifierDeps;
  log: Logger;
  now: () => Date;
  /** Defaults to detection-analysis: telling the owner is part of analysing the exposure. */
  phase?: PlaybookPhase;
  /** Unique per incident and message; sent along so a message sent again is known as the same one. */
  idempotencyKey?: string;
}

export interface Notifier {
  readonly id: string;
  send(ctx: NotifyContext): Promise<TimelineEntry>;
}
