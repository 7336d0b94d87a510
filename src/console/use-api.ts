/** Loads one API resource for a view, again whenever `key` changes or `reload` is called. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiFailure, get } from './api.js';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiFailure | undefined;
  reload: () => void;
}

export function useApi<T>(path: string, onUnauthorized: () => void): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiFailure | undefined>(undefined);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    get<T>(path)
      .then((value) => {
        if (!current) return;
        setData(value);
        setError(undefined);
      })
      .catch((err: unknown) => {
        if (!current) return;
        const failure = err instanceof ApiFailure ? err : new ApiFailure(0, 'the daemon did not answer');
        if (failure.status === 401) onUnauthorized();
        setError(failure);
      });
    return () => {
      current = false;
    };
  }, [path, round]);
  return { data, error, reload: useCallback(() => setRound((n) => n + 1), []) };
}
