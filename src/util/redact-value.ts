/**
 * Redaction for identifiers we show (access key ids, token prefixes): a few characters at each
 * end, the same shape as a finding's `redacted` preview.
 */
export function redactValue(value: string, keep = 4): string {
  if (value.length <= keep * 2 + 2) return `${value.slice(0, 2)}…`;
  return `${value.slice(0, keep)}…${value.slice(-keep)}`;
}
