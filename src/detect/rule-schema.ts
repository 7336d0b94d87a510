/**
 * The shape of a detectors/*.yaml file. One file per provider family; the loader adds the
 * family to each rule so response providers can be chosen per family.
 */
import { createRequire } from 'node:module';
import type * as Zod from 'zod';

/**
 * The schema library loads only when rule files must be parsed, not when the rules cache
 * answers (every scan of the built-in catalogue): it is a tenth of a second of start-up.
 */
function buildSchemas(z: typeof Zod.z) {
  const example = z.union([z.string(), z.object({ parts: z.array(z.string()).min(1) }).strict()]);

  const ruleSchema = z
    .object({
      id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,80}$/, 'must be lower-case kebab-case'),
      title: z.string().min(3),
      description: z.string().optional(),
      severity: z.enum(['critical', 'high', 'medium', 'low']),
      kind: z.enum(['credential', 'sensitive-data', 'password-hash']).default('credential'),
      keywords: z.array(z.string().min(2)).default([]),
      regex: z.string().min(1),
      ignoreCase: z.boolean().default(false),
      secretGroup: z.number().int().min(0).optional(),
      entropy: z.number().min(0).max(8).optional(),
      validators: z.array(z.string()).default([]),
      allow: z.array(z.string()).default([]),
      allowLine: z.array(z.string()).default([]),
      allowPath: z.array(z.string()).default([]),
      regionNeeds: z.string().min(1).optional(),
      generic: z.boolean().default(false),
      classify: z.enum(['assignment', 'credentials', 'csv-column', 'sql-values']).optional(),
      requires: z
        .object({ rule: z.string(), within: z.number().int().min(0).max(50) })
        .strict()
        .optional(),
      window: z.number().int().min(16).max(65536).optional(),
      fileBytes: z.number().int().min(16).max(4096).optional(),
      rotate: z.string().optional(),
      verify: z.string().optional(),
      examples: z
        .object({ positive: z.array(example).min(1), negative: z.array(example).min(1) })
        .strict(),
    })
    .strict()
    .refine((r) => r.keywords.length > 0 || r.fileBytes !== undefined, { message: 'at least one keyword (or fileBytes)', path: ['keywords'] });

  const ruleFileSchema = z
    .object({
      family: z.string().regex(/^[a-z0-9-]+$/),
      provider: z.string().min(2),
      rules: z.array(ruleSchema).min(1),
    })
    .strict();
  return { ruleSchema, ruleFileSchema };
}

type RuleSchemas = ReturnType<typeof buildSchemas>;
let schemas: RuleSchemas | undefined;

export function ruleSchemas(): RuleSchemas {
  return (schemas ??= buildSchemas((createRequire(import.meta.url)('zod') as typeof Zod).z));
}

export type RuleFile = Zod.infer<RuleSchemas['ruleFileSchema']>;
export type RuleInput = Zod.infer<RuleSchemas['ruleSchema']>;
