/** Progress of a long scan, for the CLI's status line. */
export interface ScanProgress {
  objectsDone: number;
  objectsTotal: number;
  bytesDone: number;
  /** Unknown for plain directories: their files are sized as they are read. */
  bytesTotal?: number;
}
