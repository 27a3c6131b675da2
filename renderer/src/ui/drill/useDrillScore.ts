import { useEffect, useState } from 'react';
import type { DrillRecord, DrillScore } from '../../../../shared/drill/scenario';
import { drillApi } from '../../drill/drillApi';
import { useCommandState } from '../../stores/commandStore';

/** A finished drill and its score: from the journal (state.drill.recent), else GET /drills/:id(/score). */
export function useDrillScore(id: string | null): { drill: DrillRecord | null; score: DrillScore | null; error: string | null } {
  const filed = useCommandState((s) => s.drill.recent.find((r) => r.drill.id === id) ?? null);
  const [fetched, setFetched] = useState<{ drill: DrillRecord | null; score: DrillScore | null; error: string | null }>({ drill: null, score: null, error: null });
  const haveScore = !!filed?.score;
  useEffect(() => {
    const api = drillApi();
    if (!id || haveScore || !api) return;
    let cancelled = false;
    const read = async (): Promise<void> => {
      const [d, s] = await Promise.all([api.drill(id), api.score(id)]);
      if (cancelled) return;
      setFetched({ drill: d.ok ? d.data : null, score: s.ok ? s.data : null, error: s.ok ? null : s.message });
    };
    void read();
    // The score is journaled a moment after the drill ends: ask again until it is there.
    const timer = setInterval(() => void read(), 3000);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [id, haveScore]);
  return { drill: filed?.drill ?? fetched.drill, score: filed?.score ?? fetched.score, error: filed?.score ? null : fetched.error };
}
