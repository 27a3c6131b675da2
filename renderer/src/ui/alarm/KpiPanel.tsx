import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activation } from '../../../../shared/alarm/kpi';
import { useConsole } from '../../app/ConsoleContext';
import type { AlarmKpi } from '../../../../shared/protocol/alarmKpi';
import { useReplay } from '../../replay/replayStore';
import { usePlant } from '../../stores/plantStore';
import { useUi } from '../../stores/uiStore';
import { formatClock } from '../format';
import { AreaChart, PriorityMixChart, RateChart } from './KpiCharts';
import { areaRates, pct, PLOT_SPAN_MS, ratePlot } from './kpiView';

const windows = [3600, 8 * 3600, 86_400, 7 * 86_400] as const;
const REFRESH_MS = 60_000;
/** In replay: how often the panel looks whether the replay time moved (so at most one report a second). */
const REPLAY_TICK_MS = 1000;

/**
 * The instant a replayed report is for ("回放 · 2026-11-28 06:54:21"), in the plant's time zone;
 * null for a live report (it has no `at`).
 */
export function kpiInstantLabel(kpi: Pick<AlarmKpi, 'at'>, t: (key: string, vars: Record<string, string>) => string, lang: 'zh' | 'en', timeZone: string | undefined): string | null {
  if (kpi.at === undefined) return null;
  return t('kpi.replayAt', { time: formatClock(kpi.at, lang, timeZone) });
}

/**
 * Alarm-system KPIs (ISA-18.2 Table 7 / EEMUA 191) from the plant server: the alarm rate per
 * 10 minutes with the EEMUA bands, per area, time in flood, chattering and stale alarms, the
 * top-10 bad actors and the priority distribution against the ~80/15/5 target. Fetched when
 * shown and every minute while it stays open; in replay, as it stood at the replay time (the
 * source asks with `at`), fetched again when that time moves (at most once a second, one
 * request at a time) and labelled with the instant shown.
 */
export function KpiPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const controller = useConsole();
  const lang = useUi((s) => s.lang);
  const plant = usePlant((s) => s.plant);
  const [windowS, setWindowS] = useState<number>(86_400);
  const [kpi, setKpi] = useState<AlarmKpi | null>(null);
  const [acts, setActs] = useState<Activation[]>([]);
  const [status, setStatus] = useState<'loading' | 'ready' | 'unavailable'>('loading');
  const mode = useReplay((s) => s.mode);

  useEffect(() => {
    const src = controller.source;
    let cancelled = false;
    let busy = false;
    let loadedAt: number | null = null;
    // Entering or leaving replay: never keep showing the other mode's figures meanwhile.
    setKpi(null);
    setStatus('loading');
    const load = async (): Promise<void> => {
      if (!src.alarmKpi || !src.alarmActivations) return setStatus('unavailable');
      busy = true;
      try {
        loadedAt = Math.floor(src.now());
        const k = await src.alarmKpi(windowS);
        if (cancelled) return;
        if (!k) {
          // A replayed instant the server cannot report: say so rather than keep another instant's figures.
          if (mode === 'replay') setKpi(null);
          return setStatus((s) => (s === 'ready' && mode !== 'replay' ? s : 'unavailable'));
        }
        const a = await src.alarmActivations(k.window.to - PLOT_SPAN_MS - 600_000, k.window.to);
        if (cancelled) return;
        setKpi(k);
        if (a) setActs(a);
        setStatus('ready');
      } finally {
        busy = false;
      }
    };
    void load();
    const id =
      mode === 'replay'
        ? setInterval(() => {
            if (!busy && loadedAt !== null && Math.abs(Math.floor(src.now()) - loadedAt) >= REPLAY_TICK_MS) void load();
          }, REPLAY_TICK_MS)
        : setInterval(() => void load(), REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(id);
    };
  }, [controller, windowS, mode]);

  const names = useMemo(() => new Map((plant?.areas ?? []).map((a) => [a.id, a.name[lang]])), [plant, lang]);
  const plot = useMemo(() => (kpi ? ratePlot(acts, kpi, kpi.window.to) : null), [acts, kpi]);
  if (status !== 'ready' || !kpi || !plot) {
    return (
      <div className="kpi-panel" data-testid="kpi-panel" data-status={status}>
        {status === 'loading' ? t('kpi.loading') : t(mode === 'replay' ? 'kpi.replayUnavailable' : 'kpi.unavailable')}
      </div>
    );
  }
  const r = kpi.report;
  const instant = kpiInstantLabel(kpi, t, lang, plant?.meta.timezone);
  return (
    <div className="kpi-panel" data-testid="kpi-panel" data-status={status}>
      <div className="kpi-top">
        {instant !== null && (
          <span className="kpi-replay-at" data-testid="kpi-replay-at" data-at={kpi.at}>
            {instant}
          </span>
        )}
        <label>
          {t('kpi.window')}
          <select data-testid="kpi-window" value={windowS} onChange={(e) => setWindowS(Number(e.target.value))}>
            {windows.map((w) => (
              <option key={w} value={w}>
                {t(`kpi.w${w}`)}
              </option>
            ))}
          </select>
        </label>
        <span className={`kpi-band kpi-band-${r.band}`} data-testid="kpi-band">
          {t('kpi.avgRate', { n: r.rates.per10Min.toFixed(2) })} · {t(`kpi.band.${r.band}`)}
        </span>
        <span>{t('kpi.total', { n: r.rates.count, h: r.rates.perHour.toFixed(1) })}</span>
        <span>{t('kpi.peak', { n: r.floods.peakWindowCount })}</span>
        <span data-testid="kpi-flood-time">{t('kpi.floodTime', { p: pct(r.floods.timeInFloodShare) })}</span>
        <span>{t('kpi.over10', { p: pct(r.tenMinOverShare) })}</span>
        <span>{t('kpi.over30h', { p: pct(r.hoursOver30Share) })}</span>
        {kpi.window.truncated && <span className="kpi-warn">{t('kpi.truncated')}</span>}
      </div>
      <div className="kpi-grid">
        <section>
          <h3>{t('kpi.rateTitle')}</h3>
          <RateChart plot={plot} timeZone={plant?.meta.timezone} />
        </section>
        <section>
          <h3>{t('kpi.areaTitle')}</h3>
          <AreaChart rows={areaRates(kpi)} names={names} />
        </section>
        <section>
          <h3>{t('kpi.mixTitle')}</h3>
          <PriorityMixChart kpi={kpi} />
        </section>
        <section className="kpi-lists">
          <h3>{t('kpi.badActors', { p: pct(r.badActors.share) })}</h3>
          <ol data-testid="kpi-bad-actors">
            {r.badActors.top.map((b) => (
              <li key={b.alarmId}>
                <span className="c-source">{b.alarmId}</span> {b.count} ({pct(b.share)})
              </li>
            ))}
          </ol>
          <h3>{t('kpi.chattering', { n: r.chattering.length })}</h3>
          <ul>
            {r.chattering.slice(0, 5).map((c) => (
              <li key={c.alarmId}>
                <span className="c-source">{c.alarmId}</span> {t('kpi.cycles', { n: c.maxCycles })}
              </li>
            ))}
          </ul>
          <h3>{t('kpi.stale', { n: kpi.stale.count })}</h3>
          <ul>
            {kpi.stale.alarms.slice(0, 5).map((s) => (
              <li key={s.id}>
                <span className="c-source">{s.id}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
