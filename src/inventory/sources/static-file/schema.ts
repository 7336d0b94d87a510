/**
 * The static inventory file (see config/inventory.example.yaml and docs/inventory.md).
 */
import { z } from 'zod';
import { CLASSIFICATIONS } from '../../../config/options.js';

const entrySchema = z
  .strictObject({
    name: z.string().min(1).optional(),
    url: z.string().min(1).optional(),
    path: z.string().min(1).optional(),
    region: z.string().min(1).optional(),
    owner: z.email().optional(),
    team: z.string().min(1).optional(),
    escalation: z.array(z.email()).optional(),
    snsTopicArn: z
      .string()
      .regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256}$/, 'Not an SNS topic ARN')
      .optional(),
    classification: z.enum(CLASSIFICATIONS).optional(),
    tags: z.record(z.string(), z.string()).optional(),
  })
  .refine((entry) => !(entry.url !== undefined && entry.path !== undefined), {
    message: 'Give either url or path, not both',
  })
  .refine((entry) => entry.name !== undefined || entry.url !== undefined || entry.path !== undefined, {
    message: 'An entry needs a name, a url or a path',
  })
  .refine((entry) => !(entry.path !== undefined && entry.name !== undefined), {
    message: 'A path pattern names its repositories after their directories; remove name',
  });

export const staticInventorySchema = z.strictObject({
  repositories: z.array(entrySchema).default([]),
});

export type StaticInventoryEntry = z.infer<typeof entrySchema>;
export type StaticInventory = z.infer<typeof staticInventorySchema>;
