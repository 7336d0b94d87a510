/**
 * Just enough MIME parsing for tests to read what an SMTP server received: top-level headers and
 * the decoded bodies of the leaf parts (quoted-printable, base64, 7bit), by content type.
 */
export interface MimePart {
  contentType: string;
  body: string;
}

export interface ParsedMail {
  headers: Map<string, string>;
  parts: MimePart[];
}

function splitHeaders(raw: string): [Map<string, string>, string] {
  const end = raw.indexOf('\r\n\r\n');
  const head = end === -1 ? raw : raw.slice(0, end);
  const body = end === -1 ? '' : raw.slice(end + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return [headers, body];
}

function decode(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable': {
      const soft = body.replace(/=\r\n/g, '');
      const bytes: number[] = [];
      for (let i = 0; i < soft.length; i += 1) {
        if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
          bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
          i += 2;
        } else {
          bytes.push(...Buffer.from(soft[i] ?? '', 'utf8'));
        }
      }
      return Buffer.from(bytes).toString('utf8');
    }
    default:
      return body;
  }
}

function leaves(raw: string): MimePart[] {
  const [headers, body] = splitHeaders(raw);
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith('multipart/') && boundary !== undefined) {
    return body
      .split(`--${boundary}`)
      .slice(1)
      .filter((p) => !p.startsWith('--'))
      .flatMap((p) => leaves(p.replace(/^\r\n/, '')));
  }
  return [{ contentType: type.split(';')[0]?.trim().toLowerCase() ?? '', body: decode(body, headers.get('content-transfer-encoding')) }];
}

export function parseMail(raw: string): ParsedMail {
  return { headers: splitHeaders(raw)[0], parts: leaves(raw) };
}
