/**
 * "Looks like a placeholder, a variable or a word" — the filter that keeps generic rules
 * (password = ..., token: ...) quiet on documentation, templates and code that reads a secret
 * from somewhere instead of containing it.
 */
import { isSampleJwt } from './validators/jwt.js';

const PLACEHOLDER_WORDS =
  /example|sample|dummy|placeholder|changeme|change_me|your[_-]?|xxxx|\*\*\*|redacted|secret_?here|replace|insert|fake|mock|todo|fixme|foobar|lorem|notreal|not[_-]?a[_-]?real|<[A-Za-z][\w .:-]{0,40}>|\.{3}|…/i;

const REFERENCE =
  /^\$\{|^\$\(|^\$[A-Za-z_]|^%\(|^%[A-Z_]+%$|^\{\{|^<%|^#\{|process\.env|os\.environ|getenv|System\.getenv|ENV\[|env\(|config\.|settings\.|secrets\.|vault:|ssm:|arn:aws:secretsmanager|^!Ref|^\[\[/i;

const WORD_PART = /[A-Z]{1,5}(?=[A-Z][a-z]|\d|$)|[A-Z]?[a-z]+|\d+/g;

/**
 * CamelCase or kebab/snake-case names built from words (CreateOAuth2TokenRequestBody,
 * x-aws-ec2-metadata-token): a type or header name, not a random secret. Random strings break
 * into pieces without vowels or into one- and two-letter fragments, and fail this test.
 */
function looksLikeIdentifier(value: string): boolean {
  if (!/^_{0,2}[A-Za-z][A-Za-z0-9_-]{5,80}$/.test(value)) return false;
  const segments = value.split(/[-_]/).filter((s) => s !== '');
  if (segments.length < 2 && !/[A-Z][a-z]/.test(value)) return false;
  let words = 0;
  let wordChars = 0;
  for (const segment of segments) {
    const parts = segment.match(WORD_PART) ?? [];
    if (parts.join('') !== segment) return false;
    for (const [i, part] of parts.entries()) {
      // Lower-case words only start a segment (camelCase); inside it, words are Capitalised.
      if (/^[A-Z][b-df-hj-np-tv-z]{2,3}$/.test(part)) continue; // Http, Sql, Xml, Dns
      if (/^[A-Z][a-z]{2,}$/.test(part) || (i === 0 && /^[a-z]{4,}$/.test(part))) {
        if (!/[aeiou]/i.test(part) || /[^aeiouy]{4}/i.test(part)) return false;
        words++;
        wordChars += part.length;
      } else if (!/^(?:[A-Z]{1,5}|\d{1,3}|My|Id|To|Of|In|On|By|At|Is|Or|An|No|Do|Up|As|Io)$/.test(part) && !(i === 0 && /^[a-z]{1,3}$/.test(part))) {
        return false;
      }
    }
  }
  return words >= 2 && wordChars * 2 >= segments.join('').length && upperShare(value) <= 0.4;
}

function upperShare(value: string): number {
  const letters = value.replace(/[^A-Za-z]/g, '');
  return letters.length === 0 ? 0 : letters.replace(/[^A-Z]/g, '').length / letters.length;
}

/** Letters whose case flips as often as a coin toss: a random token, not a CamelCase name. */
function looksRandomCase(value: string): boolean {
  const share = upperShare(value);
  return (
    value.length >= 12 && share > 0.25 && /[a-z][^a-z]*[a-z]/.test(value) && /[A-Z][^A-Z]*[A-Z]/.test(value) && !looksLikeIdentifier(value)
  );
}

function looksLikePath(value: string): boolean {
  if (!/^\.{0,2}\//.test(value) || value.includes('+')) return false;
  return !value.split('/').some((seg) => seg.length >= 12 && /[A-Z]/.test(seg) && /[a-z]/.test(seg) && /\d/.test(seg) && !/[.-]/.test(seg));
}

export function isPlaceholder(value: string): boolean {
  if (PLACEHOLDER_WORDS.test(value) || REFERENCE.test(value)) return true;
  // The jwt.io sample token, known by its claims, whatever its header and signature: documentation
  // and tests of JWT verifiers (`Authorization: Bearer eyJ…`), as the JWT rules and the value classifier judge it.
  if (isSampleJwt(value)) return true;
  // A template that interpolates a variable anywhere in it (`prefix${secret}`, `{{ .Token }}`).
  if (value.includes('${') || value.includes('{{') || value.includes('#{')) return true;
  // Ciphertext is what a team should commit instead of a secret: sops, sealed-secrets, KMS,
  // Vault transit and Ansible Vault values.
  if (/^(?:ENC\[[A-Z0-9_]{3,20},|Ag[AB][A-Za-z0-9+/]{60}|AQICAH[A-Za-z0-9+/]{40}|vault:v\d{1,3}:|\$ANSIBLE_VAULT;)/.test(value)) return true;
  // A run of one character, or a value made of one repeated short unit.
  if (/^(.{1,3})\1{3,}$/.test(value)) return true;
  if (/(.)\1{5,}/.test(value)) return true;
  // Only letters, or letters with _ - . separators: an identifier or a word, not a secret
  // (but mixed-case letters that do not form words are what a random token looks like).
  if (/^[A-Za-z]+(?:[_.-][A-Za-z]+)*$/.test(value) && !looksRandomCase(value)) return true;
  // Code, not a literal: function calls, property access chains, arrays.
  // (A 40-character segment is not an identifier: JWTs also look like a.b.c.)
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\(.*\))?$/.test(value) && !/[\w$]{40}/.test(value)) return true;
  if (/^[A-Za-z_$][\w$.#]*\*?(?:\(|\[|\?\.)/.test(value)) return true;
  if (/^(?:[?!([]|\/\^|::?[A-Za-z_])/.test(value) || /^[A-Za-z_][\w]*\$[\w$]*$/.test(value)) return true;
  if (looksLikeIdentifier(value)) return true;
  // Secrets are ASCII; text in other scripts is prose (e.g. a translated message).
  if (/[^\x20-\x7e]/.test(value)) return true;
  // A UUID, a version number, a date, a hex hash of a lockfile are not credentials by themselves.
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return true;
  if (/^v?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/.test(value)) return true;
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return true;
  if (/^(?:sha\d{1,3}|md5)[-:]/i.test(value)) return true;
  // Paths and URLs without credentials (base64 may start with "/" too).
  if (looksLikePath(value) || /^[a-z]+:\/\/[^@]*$/i.test(value)) return true;
  return false;
}
