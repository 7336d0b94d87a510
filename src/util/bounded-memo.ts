/**
 * Remembers a pure function of a string: hot loops judge the same few keys (`password`, `token`,
 * `apiKey`) thousands of times. Emptied when it holds `size` entries, so a text of unique keys
 * cannot grow it.
 */
export function boundedMemo<T>(fn: (key: string) => T, size: number): (key: string) => T {
  const memo = new Map<string, T>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined) {
      value = fn(key);
      if (memo.size >= size) memo.clear();
      memo.set(key, value);
    }
    return value;
  };
}
