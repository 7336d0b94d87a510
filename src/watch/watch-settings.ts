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
  /** Commit author e-mail domains in our perimeter, e.g. `example.com`. */
  emailDomains: z.array(z.string().min(1)).default([]),
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
});

export type WatchSettings = z.infer<typeof watchSettingsSchema>;

export function parseWatchSettings(input: unknown): WatchSettings {
  return watchSettingsSchema.parse(input ?? {});
}
