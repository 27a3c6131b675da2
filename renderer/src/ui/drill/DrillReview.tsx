import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { drillApi, type DrillReview as Review } from '../../drill/drillApi';
import { formatDrillClock } from '../../drill/drillClock';
import { downloadText } from '../../drill/download';
import { drillUi, useDrillUi } from '../../drill/drillUi';
import { reviewCsv, reviewLines, type ReviewLine } from '../../drill/reviewRows';
import { replayControl } from '../../replay/ReplayControl';
import { useUi } from '../../stores/uiStore';
import { WideDialog } from './WideDialog';
import { useDrillScore } from './useDrillScore';

/** Event kinds listed under "what happened" (muster ticks, stock and notices would bury them). */
const SHOWN_KINDS = new Set(['action', 'alarm', 'incident', 'interlock', 'drill', 'injection', 'hazard']);

/**
 * After-action review: expected (targets) and actual (what the recording shows) on two lanes of
 * one drill-time axis, each pair joined and coloured by outcome, the table under it, a button
 * that replays the whole console from the drill's start, and JSON/CSV export.
 */
export function DrillReview(): React.JSX.Element | null {
  const id = useDrillUi((s) => s.review);
  if (!id) return null;
  return <ReviewOf id={id} />;
}

function ReviewOf({ id }: { id: string }): React.JSX.Element {
  const { t } = useTranslation();
  const lang = useUi((s) => s.lang);
  const { drill, score } = useDrillScore(id);
  const [review, setReview] = useState<Review | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const api = drillApi();
    if (!api) return;
    void api.review(id).then((r) => (r.ok ? setReview(r.data) : setError(r.message)));
  }, [id]);
  const d = drill ?? review?.drill ?? null;
  const lines = reviewLines(score ?? review?.score ?? null, review);
  const close = (): void => drillUi.getState().openReview(null);
  const replay = (): void => {
    if (!d) return;
    close();
    void replayControl()?.replayRange(d.startedAt, (d.endedAt ?? d.startedAt + 3_600_000) + 5_000);
  };
  const exportJson = (): void => downloadText(`${id}-review.json`, JSON.stringify({ drill: d, score: score ?? review?.score ?? null, lines, review }, null, 2), 'application/json');
  const exportCsv = (): void => downloadText(`${id}-review.csv`, reviewCsv(id, score ?? null, lines), 'text/csv;charset=utf-8');
  return (
    <WideDialog title={`${t('drill.review')} · ${d?.name[lang] ?? id}`} onClose={close} testId="drill-review" className="drill-review">
      {error && <div className="drill-dim">{t('drill.reviewPartial', { reason: error })}</div>}
      <Lanes lines={lines} />
      <div className="review-cols">
      <table className="score-table">
        <thead>
          <tr>
            <th>{t('drill.item')}</th>
            <th>{t('drill.expected')}</th>
            <th>{t('drill.actual')}</th>
            <th>{t('drill.delta')}</th>
            <th>{t('drill.outcome')}</th>
            <th>{t('drill.who')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.key} className={`outcome-${l.outcome}`} data-testid={`review-line-${l.key}`}>
              <td>
                <b>{lines.indexOf(l) + 1}.</b> {l.label?.[lang] ?? l.key}
              </td>
              <td>{l.targetS === null ? '—' : `T+${formatDrillClock(l.targetS * 1000)}`}</td>
              <td>{l.actualS === null ? '—' : `T+${formatDrillClock(l.actualS * 1000)}`}</td>
              <td>{l.targetS !== null && l.actualS !== null ? `${l.actualS > l.targetS ? '+' : '−'}${formatDrillClock(Math.abs(l.actualS - l.targetS) * 1000)}` : ''}</td>
              <td>
                <span className={`outcome-pill outcome-${l.outcome}`}>{t(`drill.outcomes.${l.outcome}`)}</span>
              </td>
              <td>{l.actor ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="review-actual">
        <h3>{t('drill.actualTimeline')}</h3>
        <ol className="review-events" data-testid="review-events">
          {(review?.events ?? [])
            .filter((e) => SHOWN_KINDS.has(e.kind))
            .map((e) => (
              <li key={e.seq} className={`ev-row ev-${e.kind}`}>
                <span className="drill-dim">T+{formatDrillClock(e.drillS * 1000)}</span> <b>{e.actor}</b> {e.text}
              </li>
            ))}
          {review?.truncated && <li className="drill-dim">{t('drill.truncated')}</li>}
        </ol>
      </div>
      </div>
      <div className="drill-controls">
        <button className="drill-primary" data-testid="drill-replay" disabled={!d} onClick={replay}>
          ◀◀ {t('drill.replayFromStart')}
        </button>
        <button data-testid="drill-export-json" onClick={exportJson}>
          {t('drill.exportJson')}
        </button>
        <button data-testid="drill-export-csv" onClick={exportCsv}>
          {t('drill.exportCsv')}
        </button>
      </div>
    </WideDialog>
  );
}

/** Two lanes on one drill-time axis: expected on top, actual below; item n is chip n on both. */
function Lanes({ lines }: { lines: readonly ReviewLine[] }): React.JSX.Element {
  const { t } = useTranslation();
  const lang = useUi((s) => s.lang);
  const max = Math.max(60, ...lines.flatMap((l) => [l.targetS ?? 0, l.actualS ?? 0])) * 1.08;
  const x = (s: number): string => `${(s / max) * 100}%`;
  const lane = (which: 'expected' | 'actual'): React.JSX.Element => (
    <div className="lane">
      <span className="lane-name">{t(`drill.${which}`)}</span>
      <div className="lane-track" data-testid={`review-lane-${which}`}>
        {lines.map((l, i) => {
          const at = which === 'expected' ? l.targetS : l.actualS;
          if (at === null) return null;
          return (
            <span key={l.key} className={`lane-chip outcome-${l.outcome}`} style={{ left: x(at) }} title={`${i + 1}. ${l.label?.[lang] ?? l.key} · T+${formatDrillClock(at * 1000)}`}>
              {i + 1}
            </span>
          );
        })}
      </div>
    </div>
  );
  return (
    <div className="review-lanes" data-testid="review-lanes">
      {lane('expected')}
      {lane('actual')}
      <div className="lane-scale">
        <span>T+0:00</span>
        <span>T+{formatDrillClock((max / 2) * 1000)}</span>
        <span>T+{formatDrillClock(max * 1000)}</span>
      </div>
    </div>
  );
}
