/**
 * Fetches one document from any http(s) URL as a candidate file: a time limit, a size cap
 * checked on the declared length and again while reading (a server may not declare one, or
 * lie), and media types that cannot be source code refused before their body is read.
 * Never sends a GitHub token.
 */
import { LeakwatchError } from '../../errors.js';
import { displayUrl } from './display-url.js';

export interface HttpFetchOptions {
  fetch: typeof fetch;
  maxBytes: number;
  timeoutMs: number;
}

export type HttpFileResult = { kind: 'text'; content: Buffer } | { kind: 'binary'; mediaType: string };

const BINARY_MEDIA = /^(image|audio|video|font)\/|^application\/(pdf|zip|gzip|x-gzip|x-tar|x-7z-compressed|x-rar-compressed|vnd\.|msword|wasm|x-executable|java-archive)/i;

export async function fetchHttpFile(url: string, options: HttpFetchOptions): Promise<HttpFileResult> {
  const shown = displayUrl(url);
  let res: Response;
  try {
    res = await options.fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(options.timeoutMs), headers: { accept: 'text/*, */*;q=0.5' } });
  } catch (err) {
    throw new LeakwatchError('target', `${shown}: ${describeFetchError(err, options.timeoutMs)}; check the URL and the network`, { cause: err });
  }
  if (!res.ok) {
    await res.body?.cancel();
    const what = res.status === 404 ? 'not found (HTTP 404)' : `HTTP ${res.status}`;
    throw new LeakwatchError('target', `${shown}: ${what}; check the URL, or download the file and pass its path`);
  }
  const mediaType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
  if (BINARY_MEDIA.test(mediaType)) {
    await res.body?.cancel();
    return { kind: 'binary', mediaType };
  }
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > options.maxBytes) {
    await res.body?.cancel();
    throw tooLarge(shown, options.maxBytes);
  }
  return { kind: 'text', content: await readCapped(res, shown, options) };
}

async function readCapped(res: Response, shown: string, options: HttpFetchOptions): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > options.maxBytes) {
        await reader.cancel();
        throw tooLarge(shown, options.maxBytes);
      }
      chunks.push(Buffer.from(value));
    }
  } catch (err) {
    if (err instanceof LeakwatchError) throw err;
    throw new LeakwatchError('target', `${shown}: ${describeFetchError(err, options.timeoutMs)} while reading; try again`, { cause: err });
  }
  return Buffer.concat(chunks);
}

export function tooLarge(shown: string, maxBytes: number): LeakwatchError {
  return new LeakwatchError('target', `${shown} is larger than ${maxBytes} bytes; raise --max-url-bytes, or download the part you want and pass its path`);
}

function describeFetchError(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; cause?: { code?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  const code = e.cause?.code;
  return code ? `cannot fetch (${code})` : 'cannot fetch';
}
