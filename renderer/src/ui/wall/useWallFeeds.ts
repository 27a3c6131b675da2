import { useEffect, useState } from 'react';
import type { Activation } from '../../../../shared/alarm/kpi';
import type { AlarmKpi } from '../../../../shared/protocol/alarmKpi';
import { useConsole } from '../../app/ConsoleContext';
import type { DataSource } from '../../data/DataSource';
import { useUi } from '../../stores/uiStore';

/** How often the wall re-reads the alarm history behind the rate trend and the KPI band, ms. */
export const WALL_FEED_MS = 30_000;

export interface WallFeeds {
  /** Alarm activations of the last hour (the rate trend); null until read. */
  activations: Activation[] | null;
  /** The KPI report over the last hour (EEMUA band, average rate); null until read or when unreachable. */
  kpi: AlarmKpi | null;
  /** When they were last read, ms (source clock). */
  at: number;
}

/**
 * The REST reads the overview needs besides the live state, re-read every WALL_FEED_MS and at
 * once whenever the link comes back (a server restart): the wall recovers without a touch.
 */
export function useWallFeeds(source: Pick<DataSource, 'alarmKpi' | 'alarmActivations'>): WallFeeds {
  const controller = useConsole();
  const presence = useUi((s) => s.presence);
  const [feeds, setFeeds] = useState<WallFeeds>({ activations: null, kpi: null, at: 0 });
  useEffect(() => {
    if (presence !== 'live') return;
    let alive = true;
    const read = async (): Promise<void> => {
      const now = controller.now();
      const [activations, kpi] = await Promise.all([source.alarmActivations?.(now - 3_600_000, now) ?? null, source.alarmKpi?.(3600) ?? null]);
      if (alive) setFeeds((f) => ({ activations: activations ?? f.activations, kpi: kpi ?? f.kpi, at: now }));
    };
    void read();
    const id = setInterval(() => void read(), WALL_FEED_MS);
    return () => {
      alive = false;
      clearInterval(id);
    };
  }, [presence, source, controller]);
  return feeds;
}
