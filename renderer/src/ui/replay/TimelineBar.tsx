import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { replayControl } from '../../replay/ReplayControl';
import { thinMarkers, type Marker } from '../../replay/markers';
import { REPLAY_SPEEDS } from '../../replay/ReplayClock';
import { TIMELINE_WINDOWS, timelineRange, useReplay } from '../../replay/replayStore';
import { usePlant } from '../../stores/plantStore';
import { useUi } from '../../stores/uiStore';
import { formatClock } from '../format';
import { useTicker } from '../useTicker';
import { markerText } from './markerText';

/** Most markers drawn on the track (alarm activations thinned first). */
const MAX_MARKERS = 400;
/** How often the markers of a live timeline are read again, ms. */
const LIVE_MARKERS_MS = 15_000;

/**
 * The timeline at the bottom of the console: the span, event markers (hover: who did what),
 * DVR controls and LIVE. While live one click on the track scrubs back (replay starts at that
 * instant); the LIVE button returns at once.
 */
export function TimelineBar(): React.JSX.Element | null {
  const { t } = useTranslation();
  const ctl = replayControl();
  const mode = useReplay((s) => s.mode);
  const status = useReplay((s) => s.status);
  const windowMs = useReplay((s) => s.windowMs);
  const pinned = useReplay((s) => s.pinned);
  const markers = useReplay((s) => s.markers);
  const lang = useUi((s) => s.lang);
  const tz = usePlant((s) => s.plant?.meta.timezone);
  const [hover, setHover] = useState<{ m: Marker; x: number } | null>(null);
  const track = useRef<HTMLDivElement>(null);
  useTicker(250);
  useEffect(() => {
    if (!ctl) return;
    void ctl.loadMarkers();
    if (mode !== 'live') return;
    const id = setInterval(() => void ctl.loadMarkers(), LIVE_MARKERS_MS);
    return () => clearInterval(id);
  }, [ctl, mode, windowMs]);
  if (!ctl) return null;
  const liveNow = ctl.liveNow();
  const { from, to } = timelineRange({ windowMs, pinned }, liveNow);
  const now = mode === 'live' ? liveNow : (status?.time ?? liveNow);
  const span = Math.max(1, to - from);
  const pos = (time: number): number => Math.min(100, Math.max(0, ((time - from) / span) * 100));
  const shown = thinMarkers(
    markers.filter((m) => m.time >= from && m.time <= to),
    MAX_MARKERS,
  );
  const seekAt = (clientX: number): void => {
    const r = track.current?.getBoundingClientRect();
    if (!r) return;
    void ctl.seek(from + ((clientX - r.left) / r.width) * span);
  };
  const replaying = mode === 'replay';
  const playing = !!status?.playing;
  return (
    <section className={`timeline${replaying ? ' timeline-replay' : ''}`} data-testid="timeline" data-mode={mode} aria-label={t('replay.timeline')}>
      <div className="timeline-controls">
        <button className={`timeline-live${replaying ? '' : ' on'}`} data-testid="timeline-live" onClick={() => ctl.backToLive()} disabled={!replaying} title={t('replay.backToLive')}>
          ● {t('replay.live')}
        </button>
        <button data-testid="timeline-prev" onClick={() => void ctl.jump(-1)} title={t('replay.prev')} aria-label={t('replay.prev')}>
          ◀◀
        </button>
        <button data-testid="timeline-play" onClick={() => (playing ? ctl.pause() : replaying ? ctl.play() : void ctl.seek(liveNow - 60_000).then(() => ctl.play()))} title={playing ? t('replay.pause') : t('replay.play')} aria-label={playing ? t('replay.pause') : t('replay.play')}>
          {playing ? '❚❚' : '▶'}
        </button>
        <button data-testid="timeline-step" onClick={() => void ctl.step()} disabled={!replaying} title={t('replay.step')} aria-label={t('replay.step')}>
          ▶|
        </button>
        <button data-testid="timeline-next" onClick={() => void ctl.jump(1)} disabled={!replaying} title={t('replay.next')} aria-label={t('replay.next')}>
          ▶▶
        </button>
        <select data-testid="timeline-speed" value={status?.speed ?? 1} disabled={!replaying} onChange={(e) => ctl.setSpeed(Number(e.target.value))} title={t('replay.speed')} aria-label={t('replay.speed')}>
          {REPLAY_SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </div>
      <div className="timeline-track-wrap">
        <div
          className="timeline-track"
          ref={track}
          data-testid="timeline-track"
          data-from={from}
          data-to={to}
          title={replaying ? t('replay.seekHint') : t('replay.scrubHint')}
          onClick={(e) => seekAt(e.clientX)}
          onMouseLeave={() => setHover(null)}
        >
          {shown.map((m) => (
            <span
              key={m.seq}
              className={`timeline-marker mk-${m.kind}`}
              data-testid="timeline-marker"
              data-kind={m.kind}
              data-time={m.time}
              style={{ left: `${pos(m.time)}%` }}
              onMouseEnter={() => setHover({ m, x: pos(m.time) })}
              onClick={(e) => {
                e.stopPropagation();
                void ctl.seek(m.time);
              }}
            />
          ))}
          <span className={`timeline-head${replaying ? ' replay' : ''}`} data-testid="timeline-head" style={{ left: `${pos(now)}%` }} />
          {hover && (
            <div className="timeline-tip" data-testid="timeline-tip" style={{ left: `${Math.min(80, hover.x)}%` }}>
              <b>{formatClock(hover.m.time, lang, tz, false)}</b> {markerText(t, hover.m)}
            </div>
          )}
        </div>
        <div className="timeline-scale">
          <span>{formatClock(from, lang, tz, span > 12 * 3_600_000)}</span>
          <span className="timeline-now" data-testid="timeline-time">
            {replaying ? `${t('replay.replayAt')} ${formatClock(now, lang, tz, false)}${status?.loading ? ` · ${t('replay.loading')}` : ''}${status?.error ? ` · ${status.error}` : ''}` : t('replay.liveHint')}
          </span>
          <span>{formatClock(to, lang, tz, false)}</span>
        </div>
      </div>
      <select className="timeline-window" data-testid="timeline-window" value={pinned ? 'pinned' : windowMs} onChange={(e) => ctl.setWindow(Number(e.target.value))} aria-label={t('replay.window')}>
        {pinned && <option value="pinned">{t('replay.pinned')}</option>}
        {TIMELINE_WINDOWS.map((w) => (
          <option key={w} value={w}>
            {w < 3_600_000 ? t('replay.windowMin', { n: w / 60_000 }) : t('replay.windowH', { n: w / 3_600_000 })}
          </option>
        ))}
      </select>
    </section>
  );
}
