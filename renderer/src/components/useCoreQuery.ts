import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, HandlerName, Input, Output } from '../../../shared/api';
import { callCore } from '../core-client';

export interface CoreQuery<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  /** Asks again (after a change elsewhere); the old data stays on screen until the answer. */
  reload(): void;
}

/**
 * One read from the core, asked again when `input` changes (compared as JSON, so a literal object
 * is fine). An answer that arrives after a newer question is dropped. Pass null to ask nothing.
 */
export function useCoreQuery<K extends HandlerName>(name: K, input: Input<K> | null): CoreQuery<Output<K>> {
  const [data, setData] = useState<Output<K> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(input !== null);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const key = input === null ? null : JSON.stringify(input);

  useEffect(() => {
    if (key === null) {
      setLoading(false);
      return;
    }
    const ticket = ++latest.current;
    setLoading(true);
    void callCore(name, JSON.parse(key) as Input<K>).then((result) => {
      if (ticket !== latest.current) return;
      setLoading(false);
      if (result.ok) {
        setData(result.value);
        setError(null);
      } else {
        setError(result.error);
      }
    });
  }, [name, key, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data, error, loading, reload };
}
