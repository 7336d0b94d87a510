/** zod shapes of the public events and payloads the events source reads; the rest is ignored. */
import { z } from 'zod';

export const eventSchema = z.object({
  id: z.string(),
  type: z.string().nullable(),
  actor: z.object({ login: z.string() }),
  repo: z.object({ name: z.string() }),
  org: z.object({ login: z.string() }).optional(),
  payload: z.record(z.string(), z.unknown()).default({}),
});

export type GitHubEvent = z.infer<typeof eventSchema>;

export const pushPayloadSchema = z.object({
  ref: z.string().optional(),
  head: z.string(),
  before: z.string(),
  // Older payloads listed commits with their authors; newer ones do not.
  commits: z.array(z.object({ author: z.object({ email: z.string().optional() }).optional() })).optional(),
});

export const forkPayloadSchema = z.object({
  forkee: z.object({
    full_name: z.string(),
    default_branch: z.string().optional(),
    description: z.string().nullable().optional(),
  }),
});

export const createPayloadSchema = z.object({
  ref_type: z.string(),
  master_branch: z.string().optional(),
  description: z.string().nullable().optional(),
});

export const publicPayloadSchema = z.object({
  repository: z.object({ default_branch: z.string().optional(), description: z.string().nullable().optional() }).optional(),
});

const person = z.object({ email: z.string().nullable().optional() }).nullable().optional();

/** A commit's `author` and `committer` as the commits and compare endpoints give them. */
export const commitEmailsSchema = z.object({ author: person, committer: person });
