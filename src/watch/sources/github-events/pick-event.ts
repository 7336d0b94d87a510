/**
 * Which public events are worth fetching, and what to fetch for them. Our perimeter is our
 * organisations (their repositories and forks of them), our users' logins, and our commit
 * e-mail domains; beyond it, a repository created or made public whose name or description
 * carries one of our project names is worth a look too. Push payloads no longer carry commit
 * e-mails, so a push by anyone else is a `probe` when we have e-mail domains: its commits'
 * e-mails are looked up first (one request, within a per-poll budget) and only a push with one
 * of ours is fetched.
 */
import type { WatchSettings } from '../../watch-settings.js';
import { anyOurEmail } from './email-domain.js';
import { createPayloadSchema, forkPayloadSchema, publicPayloadSchema, pushPayloadSchema } from './event-schema.js';
import type { GitHubEvent } from './event-schema.js';

export type EventAction =
  | { kind: 'compare'; repository: string; before: string; head: string; reason: string; probe?: true }
  /** `ref` undefined: the repository's default branch, looked up when fetched. */
  | { kind: 'tree'; repository: string; ref: string | undefined; reason: string; probe?: true };

const ZERO_SHA = /^0+$/;

export function pickEvent(event: GitHubEvent, settings: WatchSettings): EventAction | undefined {
  const perimeter = perimeterReason(event, settings);
  switch (event.type) {
    case 'PushEvent': {
      const p = pushPayloadSchema.safeParse(event.payload);
      if (!p.success) return undefined;
      const known = perimeter ?? emailReason(p.data.commits, settings);
      const probe = known === undefined && settings.emailDomains.length > 0 && settings.emailProbesPerPoll > 0;
      if (known === undefined && !probe) return undefined;
      const reason = known ?? 'email-probe';
      const extra = probe ? { probe: true as const } : {};
      // A new branch has no "before": everything on it is new.
      if (ZERO_SHA.test(p.data.before)) return { kind: 'tree', repository: event.repo.name, ref: p.data.head, reason, ...extra };
      return { kind: 'compare', repository: event.repo.name, before: p.data.before, head: p.data.head, reason, ...extra };
    }
    case 'ForkEvent': {
      const p = forkPayloadSchema.safeParse(event.payload);
      if (!p.success) return undefined;
      const reason = perimeter ?? nameReason(p.data.forkee.full_name, p.data.forkee.description, settings);
      return reason ? { kind: 'tree', repository: p.data.forkee.full_name, ref: p.data.forkee.default_branch, reason } : undefined;
    }
    case 'PublicEvent': {
      const p = publicPayloadSchema.safeParse(event.payload);
      const repo = p.success ? p.data.repository : undefined;
      const reason = perimeter ?? nameReason(event.repo.name, repo?.description, settings);
      return reason ? { kind: 'tree', repository: event.repo.name, ref: repo?.default_branch, reason } : undefined;
    }
    case 'CreateEvent': {
      const p = createPayloadSchema.safeParse(event.payload);
      if (!p.success || p.data.ref_type !== 'repository') return undefined;
      const reason = perimeter ?? nameReason(event.repo.name, p.data.description, settings);
      return reason ? { kind: 'tree', repository: event.repo.name, ref: p.data.master_branch, reason } : undefined;
    }
    default:
      return undefined;
  }
}

function perimeterReason(event: GitHubEvent, settings: WatchSettings): string | undefined {
  const users = lower(settings.users);
  const orgs = lower(settings.orgs);
  const owner = event.repo.name.split('/')[0]!.toLowerCase();
  if (users.has(event.actor.login.toLowerCase())) return 'actor';
  if (orgs.has(owner) || users.has(owner)) return 'owner';
  if (event.org && orgs.has(event.org.login.toLowerCase())) return 'org';
  return undefined;
}

function emailReason(commits: ReadonlyArray<{ author?: { email?: string } }> | undefined, settings: WatchSettings): string | undefined {
  return anyOurEmail((commits ?? []).map((c) => c.author?.email), settings.emailDomains) ? 'email-domain' : undefined;
}

function nameReason(fullName: string, description: string | null | undefined, settings: WatchSettings): string | undefined {
  const name = fullName.split('/')[1] ?? fullName;
  for (const project of settings.projectNames) {
    if (containsWord(name, project) || (description && containsWord(description, project))) return 'project-name';
  }
  return undefined;
}

/** `billing-api` matches `acme-billing-api-copy` and "the Billing API", not `billing-apiary`. */
export function containsWord(text: string, word: string): boolean {
  const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return ` ${norm(text)} `.includes(` ${norm(word)} `);
}

function lower(list: readonly string[]): Set<string> {
  return new Set(list.map((s) => s.toLowerCase()));
}
