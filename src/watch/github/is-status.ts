/** Whether an Octokit error carries an HTTP status (304 not modified, 404 gone, 409 empty, ...). */
export function isStatus(err: unknown, ...statuses: number[]): boolean {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' && statuses.includes(status);
}

/** A response header of an Octokit error, when it has one. */
export function errorHeader(err: unknown, name: string): string | undefined {
  const value = (err as { response?: { headers?: Record<string, unknown> } } | null)?.response?.headers?.[name];
  return value === undefined || value === null ? undefined : String(value);
}
