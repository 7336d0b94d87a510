/**
 * The daemon's clock: one node-cron task per configured schedule. A run that is still going
 * when its next tick comes is skipped (noOverlap), and a failing run is logged, never fatal.
 */
import { schedule, validate } from 'node-cron';
import type { ScheduledTask } from 'node-cron';
import { LeakwatchError } from '../errors.js';
import type { Logger } from '../logger.js';

export interface ScheduledJob {
  name: string;
  cron: string;
  run: () => Promise<void> | void;
}

export function scheduleJobs(jobs: readonly ScheduledJob[], log: Logger, onError: (name: string) => void): { stop(): Promise<void> } {
  for (const job of jobs) {
    if (!validate(job.cron)) throw new LeakwatchError('config', `schedule.${job.name}: "${job.cron}" is not a cron expression.`);
  }
  const tasks: ScheduledTask[] = jobs.map((job) =>
    schedule(
      job.cron,
      async () => {
        try {
          await job.run();
        } catch (err) {
          onError(job.name);
          log.error({ schedule: job.name, err: (err as Error).message }, 'Scheduled run failed');
        }
      },
      { name: `leakwatch-${job.name}`, noOverlap: true },
    ),
  );
  return {
    async stop() {
      await Promise.all(tasks.map((task) => task.stop()));
      await Promise.all(tasks.map((task) => task.destroy()));
    },
  };
}
