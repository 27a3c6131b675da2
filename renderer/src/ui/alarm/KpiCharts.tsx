import { useTranslation } from 'react-i18next';
import { priorities, type Priority } from '../../../../shared/alarm/model';
import { priorityStyles } from '../../alarm/alarmStyle';
import type { AlarmKpi } from '../../../../shared/protocol/alarmKpi';
import { useUi } from '../../stores/uiStore';
import { formatClock } from '../format';
import { TEN_MIN, type AreaRate, type RatePlot } from './kpiView';

const W = 460;
const H = 170;
const PAD = { l: 30, r: 86, t: 8, b: 20 };

/**
 * Alarms per 10 minutes over the last 8 h as bars, with the EEMUA 191 bands as reference lines
 * (≤ 1 very likely acceptable, ≤ 2 manageable, ≤ 10 over-demanding, above: unacceptable).
 * Grey bars; only buckets past the flood threshold take the alarm colour (ISA-101).
 */
export function RateChart({ plot, timeZone }: { plot: RatePlot; timeZone: string | undefined }): React.JSX.Element {
  const { t } = useTranslation();
  const lang = useUi((s) => s.lang);
  const n = plot.counts.length;
  const bw = (W - PAD.l - PAD.r) / n;
  const y = (v: number): number => PAD.t + (1 - Math.min(v, plot.yMax) / plot.yMax) * (H - PAD.t - PAD.b);
  const lines = [
    { v: plot.bands.acceptable, key: 'kpi.bandAcceptable', ly: 0 },
    { v: plot.bands.manageable, key: 'kpi.bandManageable', ly: 0 },
    { v: plot.bands.overDemanding, key: 'kpi.bandOverDemanding', ly: 0 },
  ];
  // Labels at least a line apart, pushed up from the lowest, so close bands stay readable.
  let floor = Infinity;
  for (const l of lines) {
    l.ly = Math.min(y(l.v) + 4, floor - 11);
    floor = l.ly;
  }
  const ticks = [0, 2, 4, 6, 8].map((h) => plot.to - (8 - h) * 3_600_000);
  return (
    <svg className="kpi-svg" viewBox={`0 0 ${W} ${H}`} width={W} height={H} data-testid="kpi-rate-chart" data-buckets={n} role="img" aria-label={t('kpi.rateTitle')}>
      <rect x={PAD.l} y={PAD.t} width={W - PAD.l - PAD.r} height={H - PAD.t - PAD.b} fill="#eceeef" />
      {plot.counts.map((c, i) => {
        if (c === 0) return null;
        const over = c > plot.floodEnter;
        return (
          <g key={i}>
            <rect x={PAD.l + i * bw + 0.5} y={y(c)} width={Math.max(1, bw - 1)} height={H - PAD.b - y(c)} fill={over ? priorityStyles[1].css : '#5f6368'}>
              <title>{`${formatClock(plot.from + i * TEN_MIN, lang, timeZone, false)} · ${c}`}</title>
            </rect>
            {c > plot.yMax && (
              <text x={PAD.l + i * bw + bw / 2} y={PAD.t + 9} className="kpi-cut" textAnchor="middle">
                ↑{c}
              </text>
            )}
          </g>
        );
      })}
      {lines.map((l) => (
        <g key={l.key}>
          <line x1={PAD.l} x2={W - PAD.r} y1={y(l.v)} y2={y(l.v)} stroke="#1f2327" strokeDasharray="5 3" strokeWidth={1} />
          <text x={W - PAD.r + 4} y={l.ly} className="kpi-label">
            {t(l.key, { n: l.v })}
          </text>
        </g>
      ))}
      <text x={4} y={PAD.t + 10} className="kpi-label">
        {Math.round(plot.yMax)}
      </text>
      <text x={4} y={H - PAD.b} className="kpi-label">
        0
      </text>
      {ticks.map((tk) => (
        <text key={tk} x={PAD.l + ((tk - plot.from) / (plot.to - plot.from)) * (W - PAD.l - PAD.r)} y={H - 5} className="kpi-label" textAnchor="middle">
          {formatClock(tk, lang, timeZone, false).slice(0, 5)}
        </text>
      ))}
    </svg>
  );
}

/** Activations per area, most first, as horizontal bars with their rate per 10 min. */
export function AreaChart({ rows, names }: { rows: AreaRate[]; names: Map<string, string> }): React.JSX.Element {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <div className="kpi-areas" data-testid="kpi-areas">
      {rows.map((r) => (
        <div key={r.area} className="kpi-area-row">
          <span className="kpi-area-name">{names.get(r.area) ?? r.area}</span>
          <span className="kpi-area-bar">
            <span style={{ width: `${(100 * r.count) / max}%` }} />
          </span>
          <span className="kpi-area-n">
            {r.count} · {r.per10Min.toFixed(2)}/10′
          </span>
        </div>
      ))}
    </div>
  );
}

/**
 * Priority distribution: the plant's configured alarms and the annunciated activations of the
 * period, per target group (ISA-18.2 ~5 % / 15 % / 80 %), each bar with the target marked.
 */
export function PriorityMixChart({ kpi }: { kpi: AlarmKpi }): React.JSX.Element {
  const { t } = useTranslation();
  const groups = kpi.configured.vsTarget.length ? kpi.configured.vsTarget : priorities.map((p) => ({ priorities: [p], targetPct: 0, actualPct: kpi.configured.shares[p] * 100 }));
  const actual = (ps: Priority[]): number => 100 * ps.reduce((s, p) => s + kpi.report.priorityMix.shares[p], 0);
  const bar = (v: number, cls: string, target: number): React.JSX.Element => (
    <span className={`kpi-mix-bar ${cls}`}>
      <span style={{ width: `${Math.min(100, v)}%` }} />
      {target > 0 && <i style={{ left: `${target}%` }} title={t('kpi.target', { n: target })} />}
    </span>
  );
  return (
    <div className="kpi-mix" data-testid="kpi-mix">
      <div className="kpi-mix-head">
        <span />
        <span>{t('kpi.configured', { n: kpi.configured.total })}</span>
        <span>{t('kpi.actual', { n: kpi.report.rates.count })}</span>
      </div>
      {groups.map((g) => (
        <div key={g.priorities.join()} className="kpi-mix-row">
          <span className="kpi-mix-prio">
            {g.priorities.map((p) => (
              <span key={p} style={{ color: priorityStyles[p].css }} className="legend-glyph">
                {priorityStyles[p].glyph}
              </span>
            ))}
            {g.priorities.join('+')}
            {g.targetPct > 0 && <span className="kpi-target"> {t('kpi.target', { n: g.targetPct })}</span>}
          </span>
          <span className="kpi-mix-cell">
            {bar(g.actualPct, 'configured', g.targetPct)} {g.actualPct.toFixed(1)} %
          </span>
          <span className="kpi-mix-cell">
            {bar(actual(g.priorities), 'actual', g.targetPct)} {actual(g.priorities).toFixed(1)} %
          </span>
        </div>
      ))}
    </div>
  );
}
