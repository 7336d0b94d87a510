/** Limits of an S3 scan's archive reading (kept apart so the CLI reads them without loading the AWS SDK). */

/** Decompressed bytes one object may expand to, nested archives included: 1 GiB. */
export const DEFAULT_MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024;

/** An archive in an archive in an archive is opened; one level further is reported. */
export const MAX_ARCHIVE_DEPTH = 3;
