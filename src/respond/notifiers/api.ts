/** The notifier registry: one entry per folder beside this file, keyed by the config's channel name. */
import { sesNotifier } from './ses/index.js';
import { smtpNotifier } from './smtp/index.js';
import { snsNotifier } from './sns/index.js';
import type { Notifier } from './types.js';

export const notifiers: ReadonlyMap<string, Notifier> = new Map<string, Notifier>([
  [sesNotifier.id, sesNotifier],
  [smtpNotifier.id, smtpNotifier],
  [snsNotifier.id, snsNotifier],
]);
