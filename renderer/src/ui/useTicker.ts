import { useEffect, useState } from 'react';

/** Re-renders the calling component every `ms` (for ages, clocks and throttled live values). */
export function useTicker(ms: number, enabled = true): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    const id = setInterval(() => setTick((t) => t + 1), ms);
    return () => clearInterval(id);
  }, [ms, enabled]);
  return tick;
}
