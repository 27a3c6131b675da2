import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../shared/plant/schema';
import { useConsole } from '../app/ConsoleContext';
import { tagStore } from '../stores/tagStore';
import { drawTrend } from './drawTrend';
import { TrendSeries } from './trendSeries';
import { HistoryTrend } from './HistoryTrend';
import { TREND_RANGES, type TrendRange } from './trendRanges';
import { prepareCanvas } from './canvas2d';

const WINDOW_MS = 10 * 60_000;
/** The chart redraws at most this often, ms (and once a second to scroll the time axis). */
const REDRAW_MS = 250;

/**
 * One tag's trend with range buttons: 10 minutes live (LiveTrend), or a longer range from the
 * historian (HistoryTrend). Each range mounts its own chart, so switching drops the other's timers.
 */
export function TrendChart({ tag, index }: { tag: Tag; index: number }): React.JSX.Element {
  const { t } = useTranslation();
  const [range, setRange] = useState<TrendRange>('10m');
  const ms = TREND_RANGES.find((r) => r.id === range)!.ms;
  return (
    <div className="trend">
      <div className="trend-head">
        <div className="trend-title">{t('panel.trendTitle', { range: t(`panel.range.${range}`) })}</div>
        <div className="trend-ranges" role="group" aria-label={t('panel.rangeLabel')}>
          {TREND_RANGES.map((r) => (
            <button key={r.id} className={r.id === range ? 'trend-range active' : 'trend-range'} aria-pressed={r.id === range} data-testid={`trend-range-${r.id}`} onClick={() => setRange(r.id)}>
              {t(`panel.range.${r.id}`)}
            </button>
          ))}
        </div>
      </div>
      {range === '10m' ? <LiveTrend tag={tag} index={index} /> : <HistoryTrend key={range} tag={tag} rangeMs={ms} />}
    </div>
  );
}

/**
 * Last 10 minutes of one tag: the server's recent history, then live samples from the tag
 * store as they arrive. Drawn on a 2D canvas; no React state per sample.
 */
function LiveTrend({ tag, index }: { tag: Tag; index: number }): React.JSX.Element {
  const { t } = useTranslation();
  const controller = useConsole();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'offline'>('loading');
  const [points, setPoints] = useState(0);

  useEffect(() => {
    const series = new TrendSeries(WINDOW_MS);
    let dirty = true;
    let cancelled = false;
    const take = (): void => {
      if (Number.isFinite(tagStore.times[index]) && tagStore.times[index]! > 0 && series.push(tagStore.times[index]!, tagStore.values[index]!)) dirty = true;
    };
    take();
    setStatus('loading');
    void controller.source.recent(tag.id, WINDOW_MS / 1000).then((recent) => {
      if (cancelled) return;
      if (recent) series.load(recent);
      setStatus(recent ? 'ready' : 'offline');
      dirty = true;
    });
    const unsubscribe = tagStore.subscribe(() => take());
    const draw = (): void => {
      const c = canvas.current;
      if (!c) return;
      const prepared = prepareCanvas(c);
      if (!prepared) return;
      const { ctx, w, h } = prepared;
      const now = controller.now();
      series.trim(now);
      drawTrend(ctx, w, h, series, tag, now);
      c.dataset.points = String(series.times.length);
      setPoints(series.times.length);
    };
    let last = 0;
    const id = setInterval(() => {
      const now = performance.now();
      if (dirty || now - last > 1000) {
        dirty = false;
        last = now;
        draw();
      }
    }, REDRAW_MS);
    draw();
    return () => {
      cancelled = true;
      unsubscribe();
      clearInterval(id);
    };
  }, [controller, tag, index]);

  return (
    <>
      <canvas ref={canvas} className="trend-canvas" data-testid="trend-canvas" />
      {status === 'loading' && <div className="trend-note">{t('panel.trendLoading')}</div>}
      {status === 'offline' && <div className="trend-note">{t('panel.trendOffline')}</div>}
      {status === 'ready' && points === 0 && <div className="trend-note">{t('panel.trendEmpty')}</div>}
    </>
  );
}
