import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { History } from '../../../shared/historian/historySchema';
import type { Tag } from '../../../shared/plant/schema';
import { useConsole } from '../app/ConsoleContext';
import { drawHistory } from './drawHistory';
import { TREND_PAD } from './drawTrend';
import { historyColumns } from './historyColumns';
import { HISTORY_REFRESH_MS } from './trendRanges';
import { prepareCanvas } from './canvas2d';

type Status = { kind: 'loading' } | { kind: 'ready' } | { kind: 'unsupported' } | { kind: 'error'; message: string };

/**
 * A long-range trend of one tag from the historian: one request of [now − rangeMs, now] with
 * maxPoints = the canvas width in px, drawn as a min–max band with the mean line; asked for
 * again every HISTORY_REFRESH_MS while shown. A failed refresh keeps the last drawing and says so.
 * `end` pins the range's end (a reconstruction); by default it is the source's now.
 */
export function HistoryTrend({ tag, rangeMs, end }: { tag: Tag; rangeMs: number; end?: number }): React.JSX.Element {
  const { t } = useTranslation();
  const controller = useConsole();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const [points, setPoints] = useState(-1);

  useEffect(() => {
    const source = controller.source;
    let cancelled = false;
    let last: History | null = null;
    const draw = (): void => {
      const c = canvas.current;
      if (!c) return;
      const prepared = prepareCanvas(c);
      if (!prepared) return;
      const { ctx, w, h } = prepared;
      const to = last ? last.to : controller.now();
      const from = last ? last.from : to - rangeMs;
      const cols = last ? historyColumns(last, from, to, Math.max(1, Math.round(w - TREND_PAD.l - TREND_PAD.r))) : [];
      drawHistory(ctx, w, h, cols, tag, from, to);
      const n = cols.filter((x) => x !== null).length;
      c.dataset.points = String(n);
      setPoints(last ? n : -1);
    };
    const load = async (): Promise<void> => {
      if (!source.history) {
        setStatus({ kind: 'unsupported' });
        return;
      }
      const to = end ?? controller.now();
      const width = Math.max(1, Math.round(canvas.current?.clientWidth ?? 300));
      const res = await source.history(tag.id, to - rangeMs, to, width);
      if (cancelled) return;
      if (res.ok) {
        last = res.data;
        setStatus({ kind: 'ready' });
      } else setStatus({ kind: 'error', message: res.message });
      draw();
    };
    draw();
    void load();
    const id = setInterval(() => void load(), HISTORY_REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(id);
    };
  }, [controller, tag, rangeMs, end]);

  return (
    <>
      <canvas ref={canvas} className="trend-canvas" data-testid="trend-canvas" data-range-ms={rangeMs} />
      {status.kind === 'loading' && <div className="trend-note">{t('panel.trendLoading')}</div>}
      {status.kind === 'unsupported' && <div className="trend-note">{t('panel.historyUnsupported')}</div>}
      {status.kind === 'error' && (
        <div className="trend-note trend-error" role="alert" data-testid="trend-error">
          {t('panel.historyError', { reason: status.message })}
        </div>
      )}
      {status.kind === 'ready' && points === 0 && <div className="trend-note">{t('panel.historyEmpty')}</div>}
    </>
  );
}
