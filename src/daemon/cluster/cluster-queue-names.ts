/** The pg-boss queues of a leakwatch cluster: repository jobs and the cluster-wide schedules. */
export const REPOSITORY_QUEUE = 'leakwatch-repository';

/** Schedules that fire once per cluster (a pg-boss cron job each), by the daemon's schedule name. */
export const CLUSTER_SCHEDULES = ['mirrorScan', 'watch', 'escalation', 'posture'] as const;
export type ClusterScheduleName = (typeof CLUSTER_SCHEDULES)[number];

export function scheduleQueue(name: ClusterScheduleName): string {
  return `leakwatch-schedule-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** pg-boss keeps its tables in a schema of its own beside leakwatch's. */
export function queueSchema(storeSchema: string): string {
  return storeSchema === 'public' ? 'pgboss' : `${storeSchema}_queue`;
}
