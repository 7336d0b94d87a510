/**
 * Where an s3:// scan reads objects from. The scanner knows only this interface: the AWS calls
 * that implement it live in src/aws/s3/ (nothing in scan/ reaches the AWS SDK), and the CLI hands
 * one in.
 */
import type { Readable } from 'node:stream';

export interface S3ObjectEntry {
  key: string;
  size: number;
  /** Quotes removed; '' when S3 gave none. */
  etag: string;
}

export interface S3ObjectStream {
  body: Readable;
  etag: string;
}

export interface S3ObjectSource {
  /** Every object under the prefix, all pages. */
  list(bucket: string, prefix: string): AsyncIterable<S3ObjectEntry>;
  /** One object as a byte stream, never buffered whole. */
  get(bucket: string, key: string): Promise<S3ObjectStream>;
  /** Releases what the source holds (its client's connections). */
  close(): void;
}
