/**
 * What the daemon keeps of posture runs: store/sqlite/sqlite-posture-store.ts for one daemon,
 * store/postgres/pg-posture-store.ts shared by the replicas of a scaled-out one. Both decide what
 * a run changes with plan-posture-run.ts.
 */
import type { PostureResult } from './types.js';

/** A message owed to someone because a check turned from pass to fail. */
export interface PostureAlert {
  /** Check, region, resource and the run that saw the turn: the idempotency key of the message. */
  key: string;
  channel: string;
  result: PostureResult;
  /** Who to tell (e-mail), if known. */
  recipient: string | undefined;
}

export interface PostureStore {
  /**
   * Records one run's results in one transaction and queues an alert per channel for each
   * result that turned to fail: it passed last time, or it is a new resource of a check that
   * had already run (the first run of a check is its baseline). A check that errored keeps its
   * earlier verdicts. The run itself is kept too (lastPostureRunAt). Returns the alerts queued.
   */
  recordPostureRun(results: readonly PostureResult[], at: Date, channels: readonly string[], recipientOf: (r: PostureResult) => string | undefined): PostureAlert[];
  /**
   * The alerts still owed. Shared by several processes (PostgreSQL), each alert is handed to one
   * caller at a time: the ones another process took and has neither completed nor given up on
   * within a few minutes are left out.
   */
  pendingPostureAlerts(): PostureAlert[];
  completePostureAlert(alert: Pick<PostureAlert, 'key' | 'channel'>): void;
  /** Failing resources per check, from the last run of each. */
  postureFailureCounts(): Map<string, number>;
  listPostureResults(): PostureResult[];
  /** When the last run was recorded (ISO-8601), whichever process recorded it; null before the first. */
  lastPostureRunAt(): string | null;
  /** Lets go of what the store holds (a PostgreSQL connection; a SQLite handle stays its opener's). */
  close(): void;
}
