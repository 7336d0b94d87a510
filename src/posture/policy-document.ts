/**
 * IAM policy documents as the posture checks read them: parsed (IAM hands them out URL-encoded)
 * and validated at the edge, and asked whether they allow an action. The evaluation is the
 * conservative half of IAM's: an Allow counts even under a condition, and only an unconditional
 * Deny of the same action on every resource takes it away, so a grant is never missed.
 */
import { z } from 'zod';

const stringOrList = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

const statementSchema = z.object({
  Sid: z.string().optional(),
  Effect: z.enum(['Allow', 'Deny']),
  Action: stringOrList.optional(),
  NotAction: stringOrList.optional(),
  Resource: stringOrList.optional(),
  NotResource: stringOrList.optional(),
  Condition: z.record(z.string(), z.unknown()).optional(),
});

const documentSchema = z.object({
  Statement: z.union([statementSchema, z.array(statementSchema)]).transform((v) => (Array.isArray(v) ? v : [v])),
});

export type PolicyStatement = z.infer<typeof statementSchema>;

export interface PolicyDocument {
  /** Where it came from, e.g. `inline:deploy` or a policy ARN; said in details. */
  source: string;
  statements: PolicyStatement[];
}

/** Parses a document as IAM returns it (URL-encoded JSON) or as written (plain JSON). */
export function parsePolicyDocument(source: string, text: string): PolicyDocument {
  const json = text.trimStart().startsWith('{') ? text : decodeURIComponent(text);
  const parsed = documentSchema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error(`policy ${source} is not a valid IAM policy document`);
  return { source, statements: parsed.data.Statement };
}

function globToRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.');
  return new RegExp(`^${body}$`, 'i');
}

function matchesAny(patterns: readonly string[], value: string): boolean {
  return patterns.some((p) => globToRegExp(p).test(value));
}

function coversAction(s: PolicyStatement, action: string): boolean {
  if (s.Action !== undefined) return matchesAny(s.Action, action);
  if (s.NotAction !== undefined) return !matchesAny(s.NotAction, action);
  return false;
}

/** Whether the statement applies to some resource of `resourceArn` (a glob such as `arn:aws:codecommit:*`). */
function coversResource(s: PolicyStatement, resourceArn: string): boolean {
  if (s.Resource !== undefined) return s.Resource.some((r) => r === '*' || globToRegExp(r).test(resourceArn) || globToRegExp(resourceArn).test(r));
  return s.NotResource !== undefined && !s.NotResource.includes('*');
}

/** The statement that allows `action` on (some of) `resourceArn`, unless an unconditional Deny takes it away. */
export function findGrant(documents: readonly PolicyDocument[], action: string, resourceArn = '*'): { source: string; statement: PolicyStatement } | undefined {
  const all = documents.flatMap((d) => d.statements.map((statement) => ({ source: d.source, statement })));
  const denied = all.some(
    ({ statement: s }) => s.Effect === 'Deny' && s.Condition === undefined && coversAction(s, action) && (s.Resource?.includes('*') ?? false),
  );
  if (denied) return undefined;
  return all.find(({ statement: s }) => s.Effect === 'Allow' && coversAction(s, action) && coversResource(s, resourceArn));
}

/**
 * A statement that allows every action of `service` (`codecommit:*`, or `*`) on every resource
 * (`*`) without a condition.
 */
export function findServiceWildcardGrant(documents: readonly PolicyDocument[], service: string): { source: string; statement: PolicyStatement } | undefined {
  for (const d of documents) {
    for (const s of d.statements) {
      const everyAction = (s.Action ?? []).some((a) => a === '*' || a.toLowerCase() === `${service}:*`);
      if (s.Effect === 'Allow' && s.Condition === undefined && everyAction && (s.Resource ?? []).includes('*')) return { source: d.source, statement: s };
    }
  }
  return undefined;
}
