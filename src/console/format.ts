/** Durations and dates as people read them on the console. */
export function duration(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 36 * 3600) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} d`;
}

export function since(iso: string | null, now = Date.now()): string {
  return iso === null ? 'never' : `${duration((now - Date.parse(iso)) / 1000)} ago`;
}

export function dateTime(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

export function label(name: string): string {
  return name.replace(/-/g, ' ');
}
