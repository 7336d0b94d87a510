/** A base64 value that decodes to a JSON object (e.g. an encoded service-account key). */
export function isBase64Json(value: string): boolean {
  try {
    const text = Buffer.from(value, 'base64').toString('utf8').trim();
    if (!text.startsWith('{')) return false;
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null;
  } catch {
    return false;
  }
}
