/** A one-line, self-overwriting progress display on stderr, only when stderr is a terminal. */
import type { ScanProgress } from '../scan/progress.js';
import { escapeField } from '../util/terminal-text.js';

export interface ProgressLine {
  update(p: ScanProgress): void;
  note(text: string): void;
  done(): void;
}

export function createProgressLine(enabled: boolean): ProgressLine {
  const started = Date.now();
  let last = 0;
  let shown = false;
  const write = (text: string): void => {
    process.stderr.write(`\r\x1b[2K${text}`);
    shown = true;
  };
  return {
    update(p) {
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 100 && p.objectsDone < p.objectsTotal) return;
      last = now;
      const mb = p.bytesDone / 1024 / 1024;
      const rate = mb / Math.max(0.001, (now - started) / 1000);
      const [done, total] = p.bytesTotal === undefined ? [p.objectsDone, p.objectsTotal] : [p.bytesDone, p.bytesTotal];
      const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
      const size = p.bytesTotal === undefined ? mb.toFixed(1) : `${mb.toFixed(1)}/${(p.bytesTotal / 1024 / 1024).toFixed(1)}`;
      write(`scanning: ${p.objectsDone}/${p.objectsTotal} objects, ${size} MB (${pct}%), ${rate.toFixed(1)} MB/s`);
    },
    note(text) {
      if (enabled) write(escapeField(text));
    },
    done() {
      if (enabled && shown) process.stderr.write('\r\x1b[2K');
    },
  };
}
