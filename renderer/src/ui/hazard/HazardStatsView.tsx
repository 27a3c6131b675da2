import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HazardStats } from '../../../../shared/hazard/model';
import { useConsole } from '../../app/ConsoleContext';
import { dailyBars } from '../../hazard/dailyPlot';
import { replayControl } from '../../replay/ReplayControl';
import { useReplay } from '../../replay/replayStore';
import { usePlant } from '../../stores/plantStore';
import { useUi } from '../../stores/uiStore';
import { prepareCanvas } from '../canvas2d';

const DAYS = 30;
const REPORTED = '#4a4f55';
const CLOSED = '#8fa3b8';

/**
 * Statistics of real (non-drill) orders over the last 30 days from GET /api/v1/hazards/stats:
 * totals, closure rate, overdue count, counts by type, area, grade and source, and a small
 * canvas plot of orders reported and closed per day. Grey; overdue alone takes colour.
 * Not replayed (issue 6): the server counts each order by its state now (its index keeps only an
 * order's newest version), so in replay the view keeps the live 30 days up to the live edge and
 * says so, instead of mixing a past window with today's states.
 */
export function HazardStatsView(): React.JSX.Element {
  const { t } = useTranslation();
  const controller = useConsole();
  const lang = useUi((s) => s.lang);
  const plant = usePlant((s) => s.plant);
  const [stats, setStats] = useState<HazardStats | null | 'unavailable'>(null);
  const [n, setN] = useState(0);
  const replaying = useReplay((s) => s.mode) === 'replay';

  useEffect(() => {
    const read = controller.source.hazardStats?.bind(controller.source);
    if (!read) return setStats('unavailable');
    let alive = true;
    const to = replaying ? (replayControl()?.liveNow() ?? controller.now()) : controller.now();
    void read(to - DAYS * 86_400_000, to).then((s) => alive && setStats(s ?? 'unavailable'));
    return () => {
      alive = false;
    };
  }, [controller, n, replaying]);

  if (stats === null) return <div className="hazard-stats dim">{t('hazard.stats.loading')}</div>;
  if (stats === 'unavailable') return <div className="hazard-stats hazard-error" data-testid="hazard-stats-unavailable">{t('hazard.stats.unavailable')}</div>;
  const areaName = (id: string): string => plant?.areas.find((a) => a.id === id)?.name[lang] ?? id;
  return (
    <div className="hazard-stats" data-testid="hazard-stats" data-total={stats.total} data-overdue={stats.overdue}>
      <section className="hazard-kpis">
        <div className="dim">{t('hazard.stats.range')}</div>
        {replaying && (
          <div className="hazard-stats-live" data-testid="hazard-stats-live-note">
            {t('hazard.stats.liveInReplay')}
          </div>
        )}
        <Kpi label={t('hazard.stats.total')} value={stats.total} />
        <Kpi label={t('hazard.stats.open')} value={stats.open} />
        <Kpi label={t('hazard.stats.closed')} value={stats.closed} />
        <Kpi label={t('hazard.stats.closure')} value={stats.closureRate === null ? '—' : `${Math.round(stats.closureRate * 100)}%`} testId="hazard-stat-closure" />
        <Kpi label={t('hazard.stats.overdue')} value={stats.overdue} alert={stats.overdue > 0} testId="hazard-stat-overdue" />
        <button onClick={() => setN(n + 1)}>{t('hazard.stats.refresh')}</button>
      </section>
      <Counts title={t('hazard.stats.byCategory')} counts={stats.byCategory} label={(k) => t(`hazard.category.${k}`)} />
      <Counts title={t('hazard.stats.byArea')} counts={stats.byArea} label={areaName} />
      <Counts title={t('hazard.stats.byGrade')} counts={stats.byGrade} label={(k) => t(`hazard.grade.${k === 'none' || k === 'null' ? 'none' : k}`)} />
      <Counts title={t('hazard.stats.bySource')} counts={stats.bySource} label={(k) => t(`hazard.source.${k}`)} />
      <section className="hazard-daily">
        <h4>{t('hazard.stats.daily')}</h4>
        <DailyPlot daily={stats.daily} />
        <div className="hazard-legend">
          <span style={{ background: REPORTED }} /> {t('hazard.stats.reported')} <span style={{ background: CLOSED }} /> {t('hazard.stats.closedLine')}
        </div>
      </section>
    </div>
  );
}

function Kpi({ label, value, alert, testId }: { label: string; value: number | string; alert?: boolean; testId?: string }): React.JSX.Element {
  return (
    <div className={`hazard-kpi${alert ? ' alert' : ''}`} data-testid={testId}>
      <span className="hazard-kpi-value">{value}</span>
      <span className="hazard-kpi-label">{label}</span>
    </div>
  );
}

function Counts({ title, counts, label }: { title: string; counts: Record<string, number>; label: (k: string) => string }): React.JSX.Element {
  const rows = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  const max = Math.max(1, ...rows.map((r) => r[1]));
  return (
    <section className="hazard-counts-table">
      <h4>{title}</h4>
      <table>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td className="dim">—</td>
            </tr>
          )}
          {rows.map(([k, v]) => (
            <tr key={k}>
              <td>{label(k)}</td>
              <td className="num">{v}</td>
              <td className="hazard-bar-cell">
                <span style={{ width: `${(v / max) * 100}%` }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const PAD = { l: 26, r: 6, t: 6, b: 16 };

function DailyPlot({ daily }: { daily: HazardStats['daily'] }): React.JSX.Element {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current;
    const p = c ? prepareCanvas(c) : null;
    if (!p) return;
    const { ctx, w, h } = p;
    const pw = w - PAD.l - PAD.r;
    const ph = h - PAD.t - PAD.b;
    const plot = dailyBars(daily, pw, ph);
    ctx.clearRect(0, 0, w, h);
    ctx.fillStyle = '#eceeef';
    ctx.fillRect(PAD.l, PAD.t, pw, ph);
    ctx.font = '11px sans-serif';
    ctx.fillStyle = '#1f2327';
    ctx.textAlign = 'right';
    ctx.fillText(String(plot.yMax), PAD.l - 3, PAD.t + 9);
    ctx.fillText('0', PAD.l - 3, PAD.t + ph);
    const base = PAD.t + ph;
    for (const b of plot.bars) {
      const bw = Math.max(1, b.w / 2 - 1);
      ctx.fillStyle = REPORTED;
      ctx.fillRect(PAD.l + b.x + 0.5, base - b.reported, bw, b.reported);
      ctx.fillStyle = CLOSED;
      ctx.fillRect(PAD.l + b.x + 0.5 + bw, base - b.closed, bw, b.closed);
    }
    ctx.fillStyle = '#1f2327';
    ctx.textAlign = 'left';
    if (plot.bars.length > 0) ctx.fillText(plot.bars[0]!.date.slice(5), PAD.l, h - 3);
    ctx.textAlign = 'right';
    if (plot.bars.length > 1) ctx.fillText(plot.bars[plot.bars.length - 1]!.date.slice(5), w - PAD.r, h - 3);
  }, [daily]);
  return <canvas ref={ref} className="hazard-daily-canvas" data-testid="hazard-daily" data-days={daily.length} />;
}
