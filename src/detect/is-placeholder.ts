/**
 * "Looks like a placeholder, a variable or a word" — the filter that keeps generic rules
 * (password = ..., token: ...) quiet on documentation, templates and code that reads a secret
 * from somewhere instead of containing it.
 */
const PLACEHOLDER_WORDS =
  /example|sample|dummy|placeholder|changeme|change_me|your[_-]?|xxxx|\*\*\*|redacted|secret_?here|replace|insert|fake|mock|todo|fixme|foobar|lorem|notreal|not[_-]?a[_-]?real|<[^>]{0,40}>|\.{3}|…/i;

const REFERENCE =
  /^\$\{|^\$\(|^\$[A-Za-z_]|^%\(|^%[A-Z_]+%$|^\{\{|^<%|^#\{|process\.env|os\.environ|getenv|System\.getenv|ENV\[|env\(|config\.|settings\.|secrets\.|vault:|ssm:|arn:aws:secretsmanager|^!Ref|^\[\[/i;

export function isPlaceholder(value: string): boolean {
  if (PLACEHOLDER_WORDS.test(value) || REFERENCE.test(value)) return true;
  // A run of one character, or a value made of one repeated short unit.
  if (/^(.{1,3})\1{3,}$/.test(value)) return true;
  if (/(.)\1{5,}/.test(value)) return true;
  // Only letters, or letters with _ - . separators: an identifier or a word, not a secret.
  if (/^[A-Za-z]+(?:[_.-][A-Za-z]+)*$/.test(value)) return true;
  // Code, not a literal: function calls, property access chains, arrays.
  // (A 40-character segment is not an identifier: JWTs also look like a.b.c.)
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\(.*\))?$/.test(value) && !/[\w$]{40}/.test(value)) return true;
  if (/^[A-Za-z_$][\w$.]*\(/.test(value)) return true;
  // A UUID, a version number, a date, a hex hash of a lockfile are not credentials by themselves.
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return true;
  if (/^v?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/.test(value)) return true;
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return true;
  if (/^(?:sha\d{1,3}|md5)[-:]/i.test(value)) return true;
  // Paths and URLs without credentials.
  if (/^(?:\.{0,2}\/|[a-z]+:\/\/[^@]*$)/i.test(value)) return true;
  return false;
}
