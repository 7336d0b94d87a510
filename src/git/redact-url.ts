/**
 * Removes credentials from a URL before it is shown, logged or stored: the user information
 * (`user:pass@`, `token@`, a password that itself holds `@`) and the value of every query
 * parameter (`?access_token=`, `?token=`, `?private_token=`...). A clone URL rarely has a
 * query for anything but a token, so none is kept.
 */

// A URL with a scheme, up to the end of the token it sits in (errors quote URLs in '' or ""),
// less the punctuation of the sentence around it (`URL: reason`, `URL.`).
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s'"<>`]*[^\s'"<>`.,:;)]/gi;

function redactOne(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)(.*)$/is.exec(url);
  if (!m) return url;
  let rest = m[2]!;
  // Userinfo ends at the last '@': a password may hold an unencoded '@', never the host.
  const at = rest.lastIndexOf('@');
  if (at >= 0) rest = `***@${rest.slice(at + 1)}`;
  // A value already redacted elsewhere (`REDACTED`, `***`) is left as it reads.
  rest = rest.replace(/([?&][^=&#]*=)([^&#]*)/g, (_m, key: string, value: string) => (value === 'REDACTED' || value === '***' ? `${key}${value}` : `${key}***`));
  return `${m[1]}${rest}`;
}

export function redactUrl(url: string): string {
  return redactOne(url);
}

/** Every URL in a message (git's complaint, an error) redacted. */
export function redactUrlsIn(text: string): string {
  return text.replace(URL_IN_TEXT, redactOne);
}
