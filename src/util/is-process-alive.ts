/**
 * Whether a process of this host still runs: how a lock or lease left by a killed process is
 * told from one held by a live one. EPERM means it exists under another user.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
