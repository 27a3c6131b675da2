import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personRoleText } from '../../../../shared/people/registry';
import { downloadText } from '../../drill/download';
import { buildMarkers, type Marker } from '../../replay/markers';
import { replayControl } from '../../replay/ReplayControl';
import type { NearPerson } from '../../replay/replayApi';
import { commandStore } from '../../stores/commandStore';
import { usePlant } from '../../stores/plantStore';
import { useUi } from '../../stores/uiStore';
import { WideDialog } from '../drill/WideDialog';
import { formatClock } from '../format';
import { HistoryTrend } from '../HistoryTrend';
import { markerText } from '../replay/markerText';
import { nearestTags, traceFocus, type TraceFocus } from './traceModel';
import { openTrace, useTraceTarget } from './traceUi';

/** Minutes before the event the reconstruction starts, the choices offered. */
const BEFORE_MIN = [5, 15, 30] as const;
const AFTER_MS = 15 * 60_000;
const TREND_TAGS = 4;
const NEAR_RADIUS_M = 60;

/**
 * 事故追溯: the reconstruction of an incident or near miss from some minutes before it — trends
 * of the tags at and around the source, alarms, interlock trips and operator actions (with who),
 * and the people who were near — with export and a replay of the whole console from there.
 */
export function TraceView(): React.JSX.Element | null {
  const target = useTraceTarget();
  const focus = useMemo(() => (target ? traceFocus(commandStore.getState().state, target) : null), [target]);
  if (!target) return null;
  return <TraceOf id={target.id} focus={focus} />;
}

function TraceOf({ id, focus }: { id: string; focus: TraceFocus | null }): React.JSX.Element {
  const { t } = useTranslation();
  const lang = useUi((s) => s.lang);
  const plant = usePlant((s) => s.plant);
  const tz = plant?.meta.timezone;
  const [beforeMin, setBeforeMin] = useState<number>(15);
  const [markers, setMarkers] = useState<Marker[] | null>(null);
  const [people, setPeople] = useState<NearPerson[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ctl = replayControl();
  // Fixed when opened (and when the start changes): the live edge moving must not re-read the window.
  const { from, to } = useMemo(
    () => (focus ? { from: focus.t0 - beforeMin * 60_000, to: Math.min(focus.t0 + AFTER_MS, ctl?.liveNow() ?? focus.t0 + AFTER_MS) } : { from: 0, to: 0 }),
    [focus, beforeMin, ctl],
  );
  const api = ctl?.api;
  useEffect(() => {
    if (!focus || !api) return;
    let cancelled = false;
    setMarkers(null);
    void api.eventsBetween(from, to).then(
      (ev) => !cancelled && setMarkers(buildMarkers(ev)),
      (err: unknown) => !cancelled && setError(String(err)),
    );
    void api.peopleNear?.(focus.x, focus.y, NEAR_RADIUS_M, from, to).then(
      (p) => !cancelled && setPeople(p),
      () => !cancelled && setPeople([]),
    );
    return () => {
      cancelled = true;
    };
  }, [api, focus, from, to]);
  const close = (): void => openTrace(null);
  const tags = plant && focus ? nearestTags(plant, focus, TREND_TAGS) : [];
  const exportJson = (): void => downloadText(`${id}-trace.json`, JSON.stringify({ id, focus, from, to, tags: tags.map((x) => x.id), events: markers, people }, null, 2), 'application/json');
  return (
    <WideDialog title={`${t('trace.title')} · ${id}${focus ? ` · ${focus.title[lang]}` : ''}`} onClose={close} testId="trace-view" className="trace-view">
      {!focus && <div className="drill-empty">{t('trace.notFound')}</div>}
      {focus && (
        <>
          <div className="trace-head">
            <span>
              {t('trace.at')} <b>{formatClock(focus.t0, lang, tz)}</b> · {focus.area ?? '—'} {focus.equipment ? `· ${focus.equipment}` : ''}
            </span>
            <label>
              {t('trace.before')}{' '}
              <select value={beforeMin} onChange={(e) => setBeforeMin(Number(e.target.value))} data-testid="trace-before">
                {BEFORE_MIN.map((m) => (
                  <option key={m} value={m}>
                    {t('trace.minutes', { n: m })}
                  </option>
                ))}
              </select>
            </label>
            <button className="drill-primary" data-testid="trace-replay" disabled={!ctl} onClick={() => (close(), void ctl?.replayRange(from, to))}>
              ◀◀ {t('trace.replay')}
            </button>
            <button data-testid="trace-export" onClick={exportJson}>
              {t('drill.exportJson')}
            </button>
          </div>
          <div className="trace-grid">
            <div className="trace-trends">
              <h3>{t('trace.trends')}</h3>
              {tags.map((tag) => (
                <div key={tag.id} className="trace-trend">
                  <div className="trace-trend-name">
                    {tag.id} · {tag.name[lang]} ({tag.unit})
                  </div>
                  <div className="trace-trend-canvas">
                    <HistoryTrend tag={tag} rangeMs={to - from} end={to} />
                  </div>
                </div>
              ))}
            </div>
            <div className="trace-side">
              <h3>{t('trace.events')}</h3>
              {error && <div className="drill-error">{error}</div>}
              {!markers && !error && <div className="drill-empty">{t('drill.loading')}</div>}
              <ol className="trace-events" data-testid="trace-events">
                {markers?.map((m) => (
                  <li key={m.seq} className={`ev-row ev-${m.kind}`} onClick={() => (close(), void ctl?.replayRange(from, to).then(() => ctl.seek(m.time)))}>
                    <span className="drill-dim">{formatClock(m.time, lang, tz, false)}</span> <span className={`ev-dot dot-${m.kind}`} /> {markerText(t, m)}
                  </li>
                ))}
                {markers && markers.length === 0 && <li className="drill-empty">{t('trace.noEvents')}</li>}
              </ol>
              <h3>{t('trace.people', { r: NEAR_RADIUS_M })}</h3>
              <ul className="trace-people" data-testid="trace-people">
                {people?.map((p) => (
                  <li key={p.person}>
                    {p.name?.[lang] ?? p.person} {p.role ? `· ${(personRoleText as Record<string, { zh: string; en: string } | undefined>)[p.role]?.[lang] ?? p.role}` : ''} · {p.distance.toFixed(0)} m · {formatClock(p.t, lang, tz, false)}
                  </li>
                ))}
                {people && people.length === 0 && <li className="drill-empty">{t('trace.nobody')}</li>}
              </ul>
            </div>
          </div>
        </>
      )}
    </WideDialog>
  );
}
