/**
 * The certificate that signs an SNS delivery: its URL must be an SNS host of the topic's own
 * region (`https://sns.<region>.amazonaws.com[.cn]/...pem`), so a forged message cannot point us
 * at a certificate its sender controls. Certificates are fetched through an injectable fetcher
 * and cached by URL (SNS reuses one certificate for a long time).
 */
import { X509Certificate } from 'node:crypto';
import { LeakwatchError } from '../errors.js';

export type CertificateFetcher = (url: URL) => Promise<string>;

const SNS_HOST = /^sns\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/;
const MAX_PEM_BYTES = 64 * 1024;

export function checkSigningCertUrl(certUrl: string, topicRegion: string): URL {
  let url: URL;
  try {
    url = new URL(certUrl);
  } catch {
    throw new LeakwatchError('aws', 'SNS SigningCertURL is not a URL');
  }
  const region = SNS_HOST.exec(url.hostname)?.[1];
  const ok =
    url.protocol === 'https:' &&
    url.port === '' &&
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    region === topicRegion &&
    url.pathname.endsWith('.pem');
  if (!ok) {
    throw new LeakwatchError('aws', `SNS SigningCertURL is not an SNS certificate of region ${topicRegion}: ${url.origin}`);
  }
  return url;
}

export const fetchCertificateOverHttps: CertificateFetcher = async (url) => {
  const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const text = await response.text();
  if (text.length > MAX_PEM_BYTES) throw new Error('certificate too large');
  return text;
};

export interface CertificateCache {
  get(url: URL): Promise<X509Certificate>;
}

export function createCertificateCache(fetcher: CertificateFetcher, maxEntries = 32): CertificateCache {
  const entries = new Map<string, Promise<X509Certificate>>();
  return {
    get(url) {
      const key = url.href;
      const cached = entries.get(key);
      if (cached) return cached;
      const loading = fetcher(url).then(
        (pem) => new X509Certificate(pem),
        (err: unknown) => {
          throw new LeakwatchError('aws', `Cannot fetch the SNS signing certificate: ${(err as Error).message}`, { cause: err });
        },
      );
      // A failed fetch is forgotten so the next delivery tries again.
      loading.catch(() => entries.delete(key));
      entries.set(key, loading);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return loading;
    },
  };
}
