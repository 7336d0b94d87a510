/**
 * A URL as it may be printed: without user name and password, and with the values of query
 * parameters that look like credentials (`?token=`, `sig=`...) replaced, so that an error
 * message or a match record never repeats a token the user put in a URL.
 */
const SECRET_PARAM = /token|key|sig|secret|pass|auth|credential|code/i;

export function displayUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return '(unparseable URL)';
  }
  url.username = '';
  url.password = '';
  for (const name of [...url.searchParams.keys()]) if (SECRET_PARAM.test(name)) url.searchParams.set(name, 'REDACTED');
  return url.toString();
}
