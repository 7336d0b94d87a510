/**
 * The incident engine's side of the indicators (GuardDuty findings, CloudTrail events around code
 * stores). An indicator joins, as evidence, every incident of the code it concerns, opening one
 * where none exists:
 * - a code store it names (a bucket, an instance, AMI or snapshot of the inventory), or every S3
 *   code store when it removed the account's Block Public Access: the store's incident, whose containment the store's policy governs; an object written from a public IP or
 *   by a principal not among the store's writers is listed for deletion on approval; a write or
 *   delete by a recognised writer from a private address is no indicator;
 * - an access key leakwatch found leaked: that key's credential incident (joined, never opened);
 * - a principal that pulled one of our repositories (CloudTrail GitPull): that repository's
 *   indicator incident.
 * Each join happens once per indicator (a redelivery adds nothing); the owner hears of new
 * evidence at most once a day per incident. An incident held by another actor, or a response that
 * failed, makes the delivery `'deferred'`: the source keeps the indicator and delivers it again.
 */
import { createHash } from 'node:crypto';
import { storeForObject, storeForResource } from '../domain/code-store.js';
import type { CodeStore } from '../domain/code-store.js';
import type { Indicator } from '../domain/indicator.js';
import type { Repository } from '../domain/repository.js';
import { isKnownPrincipal } from './forensics/lookup-codecommit-access.js';
import { advanceIncident } from './advance-incident.js';
import type { EngineDeps } from './engine-deps.js';
import { hasIndicator, indicatorEntry, unrecognisedObjectEntry } from './indicator-entry.js';
import { incidentId } from './incident-id.js';
import type { IncidentRecord } from './incident-store.js';
import { notifyIncident } from './notify-incident.js';
import { codeStoreKey, openIndicatorIncident } from './open-store-incident.js';
import type { IndicatorSubject } from './open-store-incident.js';
import { recordEntry } from './record-result.js';
import { withIncidentLease } from './with-incident-lease.js';

export interface IndicatorSinkOptions {
  codeStores: () => readonly CodeStore[];
  repository: (name: string) => Repository | undefined;
  /** Repositories the indicator's principal pulled; absent: not looked up. */
  pulledBy?: (indicator: Indicator) => Promise<string[]>;
}

export interface IndicatorSink {
  deliver(indicator: Indicator): Promise<'deferred' | void>;
}

/** Why an object event is an indicator; undefined when the writer is recognised. */
function unrecognised(indicator: Indicator, store: CodeStore): string | undefined {
  if (indicator.fromPublicIp) return `from public IP ${indicator.sourceIp}`;
  if (store.writers.length > 0 && !isKnownPrincipal(indicator.principalArn ?? '', store.writers)) return `by ${indicator.principalArn ?? 'an unknown principal'}, not among the store's writers`;
  return undefined;
}

/**
 * Block Public Access removed from the whole account (S3 Control's DeletePublicAccessBlock names
 * no bucket): every S3 code store lost that protection, so the event concerns each of them.
 */
function removesAccountProtection(indicator: Indicator): boolean {
  return indicator.effect === 'protection-removed' && indicator.buckets.length === 0 && indicator.resourceIds.length === 0;
}

function storesOf(indicator: Indicator, stores: readonly CodeStore[]): CodeStore[] {
  if (removesAccountProtection(indicator)) return stores.filter((s) => s.location.kind === 's3');
  const found = new Map<string, CodeStore>();
  for (const bucket of indicator.buckets) {
    const key = indicator.object?.bucket === bucket ? indicator.object.key : undefined;
    const store = storeForObject(stores, bucket, key);
    if (store !== undefined) found.set(store.id, store);
  }
  for (const id of indicator.resourceIds) {
    const store = storeForResource(stores, id);
    if (store !== undefined) found.set(store.id, store);
  }
  return [...found.values()];
}

function subjectOf(repository: Repository): IndicatorSubject {
  const s: IndicatorSubject = { id: `repository:${repository.id}`, name: repository.name, owner: repository.owner, escalationContacts: repository.escalationContacts, classification: repository.classification };
  if (repository.snsTopicArn !== undefined) s.snsTopicArn = repository.snsTopicArn;
  return s;
}

async function evidence(deps: EngineDeps, record: IncidentRecord, indicator: Indicator, why: string, objectReason?: string): Promise<void> {
  const scope = { provider: 'leakwatch', now: deps.now };
  if (hasIndicator(record.timeline, indicator)) return;
  if (objectReason !== undefined) {
    const entry = unrecognisedObjectEntry(scope, indicator, objectReason);
    if (entry !== undefined) recordEntry(deps.store, record, entry, deps.now());
  }
  recordEntry(deps.store, record, indicatorEntry(scope, indicator, why), deps.now());
}

export function createIndicatorSink(deps: EngineDeps, options: IndicatorSinkOptions): IndicatorSink {
  async function underLease(id: string, run: (leased: EngineDeps) => Promise<void>): Promise<boolean> {
    const done = await withIncidentLease(deps, id, run);
    return done.held;
  }

  async function openOrJoin(subject: CodeStore | IndicatorSubject, indicator: Indicator, why: string, objectReason?: string): Promise<boolean> {
    const key = codeStoreKey(subject);
    const id = deps.store.findBySecret(key)?.id ?? incidentId(key, subject.name);
    return underLease(id, async (leased) => {
      const opened = openIndicatorIncident(subject, indicator, { store: leased.store, config: leased.config, now: leased.now });
      await evidence(leased, opened.record, indicator, why, objectReason);
      const record = await advanceIncident(leased, leased.store.get(opened.record.id) ?? opened.record);
      if (!opened.created) await notifyIncident(leased, record, 'owner', `notify.owner.indicator-${leased.now().toISOString().slice(0, 10)}`);
    });
  }

  return {
    async deliver(indicator) {
      const log = deps.log.child({ indicator: indicator.id, source: indicator.source, type: indicator.type });
      let deferred = false;
      let matched = 0;
      try {
        for (const store of storesOf(indicator, options.codeStores())) {
          const isObjectEvent = indicator.effect === 'object-write' || indicator.effect === 'object-delete';
          const reason = store.location.kind === 's3' && indicator.object !== undefined ? unrecognised(indicator, store) : undefined;
          if (isObjectEvent && reason === undefined) continue;
          matched++;
          const listObject = indicator.effect === 'object-write' || (indicator.effect === 'made-public' && indicator.type === 'PutObject');
          const why = removesAccountProtection(indicator) ? `It removed the account's Block Public Access, which code store ${store.name} relied on.` : `It concerns code store ${store.name}.`;
          if (!(await openOrJoin(store, indicator, why, listObject ? reason : undefined))) deferred = true;
        }
        if (indicator.accessKeyId !== undefined) {
          const leaked = deps.store.findBySecret(createHash('sha256').update(indicator.accessKeyId).digest('hex'));
          if (leaked !== undefined) {
            matched++;
            const held = await underLease(leaked.id, async (leased) => {
              const record = leased.store.get(leaked.id) ?? leaked;
              if (hasIndicator(record.timeline, indicator)) return;
              await evidence(leased, record, indicator, 'It names the access key this incident is about.');
              await notifyIncident(leased, record, 'owner', `notify.owner.indicator-${leased.now().toISOString().slice(0, 10)}`);
            });
            if (!held) deferred = true;
          }
        }
        if (indicator.source === 'guardduty' && options.pulledBy !== undefined && (indicator.accessKeyId !== undefined || indicator.userName !== undefined)) {
          for (const name of await options.pulledBy(indicator)) {
            const repository = options.repository(name);
            if (repository === undefined) continue;
            matched++;
            if (!(await openOrJoin(subjectOf(repository), indicator, `Its principal pulled ${name} (CloudTrail GitPull).`))) deferred = true;
          }
        }
      } catch (err) {
        log.error({ errName: err instanceof Error ? err.name : typeof err }, 'Indicator response failed');
        return 'deferred';
      }
      if (matched === 0) log.info('Indicator concerns none of our code; not acted on');
      if (deferred) {
        log.warn('Indicator left for the next cycle: its incident is being handled');
        return 'deferred';
      }
      return undefined;
    },
  };
}
