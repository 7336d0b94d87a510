/**
 * A shell expansion's default under a name, read as that name's value: `DB_PASSWORD=${DB_PASSWORD:-v}`,
 * `export API_TOKEN=${API_TOKEN:-v}`, `: ${API_TOKEN:=v}`. The default is a literal written in the
 * script, so the name it stands under is its key, whatever the assignment around it is called.
 */

/** The expansion up to its default: `${DB_PASSWORD:-`, `${X:=`, `${X-`. */
const DEFAULT_OPEN = /^\$\{([A-Za-z_]\w{0,80}):?[-=]/;
/** The same, read from after its `:=` (which a rule's regex takes for Go's operator). */
const DEFAULT_BEFORE = /\$\{[A-Za-z_]\w{0,80}:=$/;

/**
 * Where a bare value `value`, read at [start, end) of `line` under `key` and `operator`, holds an
 * expansion's default closed by `}`: the expansion's name and where its default starts; else null.
 */
export function shellDefault(line: string, start: number, end: number, value: string, key: string, operator: string): { key: string; start: number } | null {
  if (line[end] !== '}') return null;
  const open = DEFAULT_OPEN.exec(value);
  if (open) return { key: open[1]!, start: start + open[0].length };
  if (operator === ':=' && DEFAULT_BEFORE.test(line.slice(Math.max(0, start - 90), start))) return { key, start };
  return null;
}
