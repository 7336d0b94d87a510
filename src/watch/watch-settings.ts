/**
 * What the watch looks for and how much it may fetch, validated with zod. The daemon builds it
 * from the config (`watch.*` options); tests build it directly.
 */
import { z } from 'zod';

export const watchSettingsSchema = z.object({
  /** GitHub organisations of ours: their repositories and members are our perimeter. */
  orgs: z.array(z.string().min(1)).default([]),
  /** GitHub logins in our perimeter (employees, bots). */
  users: z.array(z.string().min(1)).default([]),
  /** Commit author and committer e-mail domains in our perimeter, e.g. `example.com`; subdomains count. */
  emailDomains: z.array(z.string().min(1)).default([]),
  /**
   * Pushes outside the perimeter whose commit e-mails are looked up per poll (one compare or
   * commit request each); the rest of such pushes are passed over.
   */
  emailProbesPerPoll: z.number().int().min(0).default(30),
  /** Project names; a public repository named or described with one is a candidate. */
  projectNames: z.array(z.string().min(1)).default([]),
  /** Base of public web links (`https://github.com`, or a GitHub Enterprise host). */
  webUrl: z.string().url().default('https://github.com'),
  /** Files larger than this are not fetched. */
  maxFileBytes: z.number().int().positive().default(1_048_576),
  /** Bytes fetched from one repository's tree (a repository made public or a fork). */
  repoByteBudget: z.number().int().positive().default(8_388_608),
  /** Event pages followed per poll (GitHub serves at most 3 of 100 for `/events`). */
  eventPages: z.number().int().positive().default(3),
  /** Code-search queries per poll; code search allows 10 per minute. */
  codeSearchQueriesPerPoll: z.number().int().positive().default(10),
  /** Public gist pages per poll. */
  gistPages: z.number().int().positive().default(3),
  /** AWS canary keys: the key id of a no-permission IAM user planted in a repository of ours. */
  canaryKeys: z.array(z.object({ repository: z.string().min(1), accessKeyId: z.string().regex(/^AKIA[A-Z0-9]{16}$/) })).default([]),
  /** Regions whose CloudTrail event history is searched for uses of the canary keys. */
  canaryRegions: z.array(z.string().min(1)).default(['us-east-1']),
  /** Poll GuardDuty findings of the playbook's types (aws-guardduty source). */
  guardduty: z.boolean().default(false),
  /** Poll CloudTrail event history for changes around code stores (aws-cloudtrail-code-stores source). */
  cloudtrailCodeStores: z.boolean().default(false),
  /** Regions the two indicator sources poll. */
  indicatorRegions: z.array(z.string().min(1)).default(['us-east-1']),
});

export type WatchSettings = z.infer<typeof watchSettingsSchema>;

export function parseWatchSettings(input: unknown): WatchSettings {
  return watchSettingsSchema.parse(input ?? {});
}
