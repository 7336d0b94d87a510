/** Progress of a long scan, for the CLI's status line. */
export interface ScanProgress {
  objectsDone: number;
  objectsTotal: number;
  bytesDone: number;
  bytesTotal: number;
}
