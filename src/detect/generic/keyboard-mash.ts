/**
 * A value typed by running the fingers along a keyboard's rows (`asdkfj23sdf`, `qwe089lkjsdf`):
 * what docstrings and examples type where a token would go. A generated token draws its letters
 * evenly, so it seldom keeps to the home row or steps from key to neighbouring key.
 */
const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const HOME_ROW = new Set(ROWS[1]);

/** Where each letter sits: its row and its place in the row. */
const PLACE = new Map<string, [number, number]>(ROWS.flatMap((row, r) => [...row].map((c, i) => [c, [r, i]] as [string, [number, number]])));

function neighbours(a: string, b: string): boolean {
  const pa = PLACE.get(a);
  const pb = PLACE.get(b);
  return pa !== undefined && pb !== undefined && pa[0] === pb[0] && Math.abs(pa[1] - pb[1]) === 1;
}

/**
 * Lower-case letters and digits, six letters or more beyond the hexadecimal ones' reach, that
 * keep to the home row (three in four letters, with two steps between neighbouring keys; or every
 * letter) or mostly step between neighbours along any row.
 */
export function keyboardMash(value: string): boolean {
  if (value.length < 8 || value.length > 40 || !/^[a-z0-9]+$/.test(value) || !/[g-z]/.test(value)) return false;
  const letters = value.replace(/\d/g, '');
  if (letters.length < 6) return false;
  const home = [...letters].filter((c) => HOME_ROW.has(c)).length;
  let steps = 0;
  const stepping = new Set<number>();
  for (let i = 1; i < value.length; i++) {
    if (!neighbours(value[i - 1]!, value[i]!)) continue;
    steps++;
    stepping.add(i - 1).add(i);
  }
  if (home === letters.length) return true;
  if (home * 4 >= letters.length * 3 && steps >= 2) return true;
  return steps >= 3 && stepping.size * 5 >= letters.length * 3;
}
