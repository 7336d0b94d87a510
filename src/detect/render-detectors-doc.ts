/**
 * Renders docs/detectors.md from the rule files: the explanation of the engine, a summary, and
 * one table per provider family. A test compares the committed file with this output, so the
 * catalogue cannot drift from the rules; regenerate with `leakwatch rules docs -o docs/detectors.md`.
 */
import { DETECTORS_DOC_INTRO } from './detectors-doc-intro.js';
import { EXAMPLE_VARIABLES } from './example-variables.js';
import { loadRules } from './load-rules.js';
import { readRuleFamilies } from './read-rule-families.js';
import type { RuleFamilies } from './read-rule-families.js';
import type { CompiledRule, Ruleset, Severity } from './types.js';
import { validators } from './validators/api.js';

/** What each validator checks, for the table in the introduction. */
export const VALIDATOR_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'crc32-checksum': 'GitHub and npm tokens: the last six base62 characters are the CRC32 of the random part',
  luhn: 'payment card numbers: the Luhn check digit',
  jwt: 'JWTs: the header decodes to JSON naming an algorithm',
  pem: 'PEM private keys: matching BEGIN/END labels and a real base64 body of plausible length',
  'pem-escaped': 'a PEM private key inside a string literal with `\\n` escapes, checked like `pem` once unescaped',
  'pem-concatenated': 'a PEM private key written as string literals joined in code (`+`, `.`, adjacent literals): joined and unescaped, it passes the `pem` check',
  'base64-json': 'the value decodes from base64 to a JSON object (an encoded service-account key)',
  'base64-pem': 'the value decodes from base64 to a PEM private key (kubeconfig `client-key-data`)',
  'base64-credentials': 'the value decodes from base64 to printable `user:password` text (Basic auth, `.npmrc` `_auth`, Docker `auth`)',
  jwe: 'JWEs: five parts, the header decodes to JSON naming `alg` and `enc`',
  'jwt-unsigned': 'unsigned JWTs: the header says `alg: none`, the payload decodes to JSON, the signature is empty',
  'jwt-concatenated': 'a JWT split over string literals on several lines: joined, it passes the `jwt` check',
  'nkey-seed': 'NATS NKEY seeds: base32 of the seed and key-type prefix, the 32-byte seed and a valid CRC-16',
  bcrypt: 'bcrypt hashes: cost 4–31, and the unused low bits of the last salt and hash characters are zero',
  'ldap-hash': 'LDAP `{SHA}`/`{SSHA}`-style hashes: the base64 decodes to the digest length (plus a salt when salted)',
  mnemonic: 'a recovery phrase: 12, 15, 18, 21 or 24 lower-case words of 3 to 8 letters, nearly all different',
};

/** How a `scan` user gives each organisation variable a value. */
const VARIABLE_SOURCES: Readonly<Record<string, string>> = {
  internalDomains: '`scan --internal-domain`',
  orgEmailDomains: '`scan --org-domain`',
};

const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low'];

/** Table cell text: pipes escaped, and angle brackets so `<add key value>` is not read as HTML. */
const cell = (text: string): string =>
  text.replaceAll('|', '\\|').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('\n', ' ');
const code = (text: string): string => `\`${text}\``;

function validatorRows(): string {
  return [...validators.keys()].map((name) => `| ${code(name)} | ${cell(VALIDATOR_DESCRIPTIONS[name] ?? '')} |`).join('\n');
}

function kindOf(rule: CompiledRule, families: RuleFamilies): string {
  const parts = [rule.kind.replace('-', ' ')];
  if (rule.generic) parts.push('generic');
  const vars = families.variables.get(rule.id) ?? [];
  for (const v of vars) parts.push(`needs ${code(v)} (${VARIABLE_SOURCES[v] ?? 'no scan option yet'})`);
  return parts.join(', ');
}

function responseOf(rule: CompiledRule): string {
  const parts: string[] = [];
  if (rule.provider?.rotate) parts.push(`rotate ${code(rule.provider.rotate)}`);
  if (rule.provider?.verify) parts.push(`verify ${code(rule.provider.verify)}`);
  return parts.join(', ') || '—';
}

function ruleRow(rule: CompiledRule, families: RuleFamilies): string {
  const paired = rule.requires ? `${code(rule.requires.rule)} within ${rule.requires.within} lines` : '—';
  const checks = rule.validators.map(code).join(', ') || '—';
  return `| ${code(rule.id)} | ${cell(rule.title)} | ${rule.severity} | ${kindOf(rule, families)} | ${checks} | ${paired} | ${responseOf(rule)} |`;
}

function summary(ruleset: Ruleset, byFamily: Map<string, CompiledRule[]>): string {
  const rules = ruleset.rules;
  const count = (pred: (r: CompiledRule) => boolean): number => rules.filter(pred).length;
  const severities = SEVERITIES.map((s) => `${count((r) => r.severity === s)} ${s}`).join(', ');
  return [
    `**${rules.length} rules** from **${byFamily.size} provider families** (one rule file each).`,
    '',
    `- By kind: ${count((r) => r.kind === 'credential')} credential rules, ${count((r) => r.kind === 'sensitive-data')} sensitive-data rules ("environment intelligence" for an incident), ${count((r) => r.kind === 'password-hash')} password-hash rules (stored hashes, crackable offline).`,
    `- By severity: ${severities}.`,
    `- ${count((r) => r.validators.length > 0)} rules confirm matches with a validator, ${count((r) => r.requires !== undefined)} are paired, ${count((r) => r.generic)} are generic (placeholder filter), ${count((r) => r.entropy !== undefined)} set an entropy minimum.`,
    `- ${count((r) => r.provider?.rotate !== undefined)} rules name a rotation provider and ${count((r) => r.provider?.verify !== undefined)} a verification provider; for the others an incident lists the steps a person must take.`,
    '',
  ].join('\n');
}

/** The whole page, for a loaded ruleset and the families of the files it came from. */
export function renderDetectorsDoc(ruleset: Ruleset, families: RuleFamilies): string {
  const byFamily = new Map<string, CompiledRule[]>();
  for (const rule of ruleset.rules) {
    const family = rule.provider?.family ?? 'other';
    byFamily.set(family, [...(byFamily.get(family) ?? []), rule]);
  }
  const parts = [DETECTORS_DOC_INTRO.replace('%VALIDATORS%', validatorRows()), summary(ruleset, byFamily)];
  for (const family of [...byFamily.keys()].sort()) {
    const rules = byFamily.get(family)!;
    parts.push(`### ${cell(families.providers.get(family) ?? family)} (${code(family)})\n`);
    parts.push('| Rule | Title | Severity | Kind | Validators | Paired with | Response |');
    parts.push('| --- | --- | --- | --- | --- | --- | --- |');
    for (const rule of rules) parts.push(ruleRow(rule, families));
    parts.push('');
  }
  return `${parts.join('\n').trimEnd()}\n`;
}

/** The page for the built-in rules plus any `--rules` directories, with every rule active. */
export function renderDetectorsDocFor(extraDirs: string[] = []): string {
  return renderDetectorsDoc(loadRules(extraDirs, { variables: EXAMPLE_VARIABLES }), readRuleFamilies(extraDirs));
}
