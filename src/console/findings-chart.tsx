/**
 * Findings first seen per week as a small inline SVG bar chart (no chart library), with a text
 * equivalent for screen readers.
 */
import type { FindingsWeek } from '../domain/console-api.js';

const WIDTH = 132;
const HEIGHT = 32;

export function FindingsChart({ weeks, name }: { weeks: FindingsWeek[]; name: string }) {
  const max = Math.max(1, ...weeks.map((w) => w.count));
  const bar = WIDTH / weeks.length;
  const total = weeks.reduce((sum, w) => sum + w.count, 0);
  const summary = `${name}: ${total} findings first seen in the last ${weeks.length} weeks` +
    (total === 0 ? '' : ` (${weeks.filter((w) => w.count > 0).map((w) => `${w.count} in the week of ${w.week}`).join(', ')})`);
  return (
    <svg class="chart" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary}>
      <title>{summary}</title>
      <line x1="0" y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} class="axis" />
      {weeks.map((w, i) => {
        const h = w.count === 0 ? 0 : Math.max(2, (w.count / max) * (HEIGHT - 2));
        return <rect x={i * bar + 1} y={HEIGHT - 1 - h} width={bar - 2} height={h} class="bar"><title>{`${w.week}: ${w.count}`}</title></rect>;
      })}
    </svg>
  );
}
