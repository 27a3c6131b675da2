import { useTranslation } from 'react-i18next';
import { defaultRateBands } from '../../../../shared/alarm/kpi';
import { priorities, type Priority } from '../../../../shared/alarm/model';
import { riskGrades } from '../../../../shared/plant/alarmConfig';
import { personRoleText } from '../../../../shared/people/registry';
import { priorityStyles, riskGradeStyles } from '../../alarm/alarmStyle';
import { hazardCounts } from '../../hazard/hazardView';
import { levelLook } from '../../incident/incidentView';
import { peopleRegistry } from '../../people/peopleRegistry';
import { roleCounts } from '../../people/roleCounts';
import { robotLook, robotLookStyles, robotLooks } from '../../robots/robotView';
import { useAlarms } from '../../stores/alarmStore';
import { useCommandState } from '../../stores/commandStore';
import { peopleStore, useOccupancy } from '../../stores/peopleStore';
import { usePlant } from '../../stores/plantStore';
import { robotStore, useRobotsVersion } from '../../stores/robotStore';
import { STALE_PERIODS, tagStore } from '../../stores/tagStore';
import { useUi } from '../../stores/uiStore';
import { alarmsByArea, countBy, elapsedText, incidentLines, rateTrend, riskDistribution, tagHealth } from '../../wall/overviewView';
import type { WallFeeds } from './useWallFeeds';
import { RateSparkline } from './RateSparkline';

/** One tile of the overview: a title and its content; `alert` colours the frame (abnormal only). */
function Tile({ id, title, alert, children }: { id: string; title: string; alert?: string | null; children: React.ReactNode }): React.JSX.Element {
  return (
    <section className={`wall-tile${alert ? ' wall-tile-alert' : ''}`} data-testid={`wall-${id}`} style={alert ? { borderColor: alert } : undefined}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** A key number: grey when it is zero or normal, in `colour` only when abnormal. */
function Big({ n, label, colour, testId }: { n: number | string; label: string; colour?: string | null; testId?: string }): React.JSX.Element {
  return (
    <div className="wall-big" data-testid={testId}>
      <span className="wall-big-n" style={colour ? { color: colour } : undefined}>
        {n}
      </span>
      <span className="wall-big-l">{label}</span>
    </div>
  );
}

export function AlarmTile(): React.JSX.Element {
  const { t } = useTranslation();
  const lang = useUi((s) => s.lang);
  const plant = usePlant((s) => s.plant);
  const annunciated = useAlarms((s) => s.summary.annunciated);
  const unacked = useAlarms((s) => s.summary.unacked);
  const rows = useAlarms((s) => s.summary.rows);
  const areas = alarmsByArea(rows).slice(0, 5);
  const name = (id: string): string => plant?.areas.find((a) => a.id === id)?.name[lang] ?? id;
  const worst = priorities.find((p) => annunciated[p] > 0) ?? null;
  return (
    <Tile id="alarms" title={t('wall.alarms')} alert={worst && worst <= 2 ? priorityStyles[worst].css : null}>
      <div className="wall-prio-row">
        {priorities.map((p: Priority) => (
          <div key={p} className="wall-prio" data-testid={`wall-prio-${p}`} data-count={annunciated[p]}>
            <span className="wall-prio-mark" style={annunciated[p] > 0 ? { background: priorityStyles[p].css, color: priorityStyles[p].ink } : undefined}>
              {priorityStyles[p].glyph} {p}
            </span>
            <span className="wall-prio-n">{annunciated[p]}</span>
            <span className="wall-sub">{t('wall.unackedN', { n: unacked[p] })}</span>
          </div>
        ))}
      </div>
      <table className="wall-table">
        <tbody>
          {areas.map((a) => (
            <tr key={a.area} data-testid="wall-alarm-area">
              <td>{name(a.area)}</td>
              {priorities.map((p) => (
                <td key={p} className="num" style={a.counts[p] > 0 && p <= 2 ? { color: priorityStyles[p].css } : undefined}>
                  {a.counts[p] > 0 ? `${priorityStyles[p].glyph}${a.counts[p]}` : '·'}
                </td>
              ))}
            </tr>
          ))}
          {areas.length === 0 && (
            <tr>
              <td className="wall-quiet">{t('wall.noAlarms')}</td>
            </tr>
          )}
        </tbody>
      </table>
    </Tile>
  );
}

const bandColour: Record<string, string | null> = { acceptable: null, manageable: null, over_demanding: '#f26a0d', unacceptable: '#e3170a' };

export function RateTile({ feeds, now }: { feeds: WallFeeds; now: number }): React.JSX.Element {
  const { t } = useTranslation();
  const bands = feeds.kpi?.kpiSettings.rateBands;
  const trend = feeds.activations ? rateTrend(feeds.activations, now, bands) : null;
  const hourBand = feeds.kpi ? feeds.kpi.report.band : null;
  const avg = feeds.kpi ? feeds.kpi.report.rates.per10Min : null;
  const nowBand = trend ? trend.band : null;
  return (
    <Tile id="rate" title={t('wall.rate')} alert={nowBand ? bandColour[nowBand] : null}>
      <div className="wall-split">
        <Big n={trend ? trend.last10Min : '—'} label={t('wall.last10')} colour={nowBand ? bandColour[nowBand] : null} testId="wall-rate-now" />
        <div className="wall-col">
          <span className="wall-line">{nowBand ? t(`kpi.band.${nowBand}`) : '—'}</span>
          <span className="wall-line wall-sub">
            {t('wall.hourAvg', { n: avg === null ? '—' : avg.toFixed(1) })}
            {hourBand && hourBand !== nowBand ? ` · ${t(`kpi.band.${hourBand}`)}` : ''}
          </span>
        </div>
      </div>
      {trend && <RateSparkline values={trend.per10Min} bands={bands ?? defaultRateBands} />}
    </Tile>
  );
}

export function RiskTile(): React.JSX.Element {
  const { t } = useTranslation();
  const risks = useCommandState((s) => s.risks);
  const d = riskDistribution(risks);
  return (
    <Tile id="risk" title={t('wall.risk')} alert={d.raised > 0 ? '#f26a0d' : null}>
      <div className="wall-risk">
        {[...riskGrades].reverse().map((g) => (
          <div key={g} className="wall-risk-cell" data-testid={`wall-risk-${g}`} data-count={d.counts[g]}>
            <span className="wall-risk-swatch" style={{ background: riskGradeStyles[g].css }} />
            <span className="wall-prio-n">{d.counts[g]}</span>
            <span className="wall-sub">{t(`risk.grade.${g}`)}</span>
          </div>
        ))}
      </div>
      <div className="wall-line wall-sub">{d.raised > 0 ? <b className="wall-warn">▲ {t('wall.raised', { n: d.raised })}</b> : t('wall.noneRaised')}</div>
    </Tile>
  );
}

export function PeopleTile(): React.JSX.Element {
  const { t } = useTranslation();
  const lang = useUi((s) => s.lang);
  const plant = usePlant((s) => s.plant);
  const onSite = useOccupancy((s) => s.onSite);
  const areas = useOccupancy((s) => s.areas);
  const time = useOccupancy((s) => s.time);
  const roles = roleCounts(peopleStore, peopleRegistry.getState().byIndex).slice(0, 5);
  const top = (plant?.areas ?? []).map((a, i) => ({ name: a.name[lang], n: areas[i] ?? 0 })).filter((a) => a.n > 0).sort((a, b) => b.n - a.n).slice(0, 4);
  return (
    <Tile id="people" title={t('wall.people')}>
      <div className="wall-split">
        <Big n={time ? onSite : '—'} label={t('wall.onSite')} testId="wall-onsite" />
        <table className="wall-table wall-table-small">
          <tbody>
            {top.map((a) => (
              <tr key={a.name}>
                <td>{a.name}</td>
                <td className="num">{a.n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="wall-chips">
        {roles.map((r) => (
          <span key={r.role} className="wall-chip">
            {r.role === 'unknown' ? '?' : personRoleText[r.role][lang]} {r.count}
          </span>
        ))}
      </div>
    </Tile>
  );
}

export function RobotTile({ now }: { now: number }): React.JSX.Element {
  const { t } = useTranslation();
  useRobotsVersion();
  const work = useCommandState((s) => s.work);
  const looks = robotStore.defs.map((d, i) => robotLook(d, robotStore.statuses[i] ?? null, now, work?.robots[d.id]?.state));
  const counts = countBy(looks, robotLooks);
  const abnormal = looks.filter((l) => robotLookStyles[l].abnormal).length;
  return (
    <Tile id="robots" title={t('wall.robots')} alert={looks.includes('fault') ? robotLookStyles.fault.css : null}>
      <div className="wall-split">
        <Big n={robotStore.defs.length} label={t('wall.robotsTotal')} />
        <div className="wall-chips">
          {counts
            .filter((c) => c.n > 0)
            .map((c) => (
              <span key={c.key} className="wall-chip" data-testid={`wall-robot-${c.key}`} style={robotLookStyles[c.key].abnormal ? { borderColor: robotLookStyles[c.key].css, color: robotLookStyles[c.key].css } : undefined}>
                {t(`robots.look.${c.key}`)} {c.n}
              </span>
            ))}
          {abnormal === 0 && robotStore.defs.length > 0 && <span className="wall-quiet">{t('wall.allNormal')}</span>}
        </div>
      </div>
    </Tile>
  );
}

export function HazardTile({ now }: { now: number }): React.JSX.Element {
  const { t } = useTranslation();
  const hazards = useCommandState((s) => s.work?.hazards);
  const c = hazardCounts(Object.values(hazards ?? {}), now);
  return (
    <Tile id="hazards" title={t('wall.hazards')} alert={c.overdue > 0 ? '#f26a0d' : null}>
      <div className="wall-trio">
        <Big n={c.open} label={t('wall.hazardsOpen')} testId="wall-hazards-open" />
        <Big n={c.major} label={t('wall.hazardsMajor')} colour={c.major > 0 ? '#e3170a' : null} />
        <Big n={c.overdue} label={t('wall.overdue')} colour={c.overdue > 0 ? '#f26a0d' : null} testId="wall-hazards-overdue" />
      </div>
    </Tile>
  );
}

export function IncidentTile({ now }: { now: number }): React.JSX.Element {
  const { t } = useTranslation();
  const lang = useUi((s) => s.lang);
  const em = useCommandState((s) => s.emergency);
  const lines = incidentLines(em, now).slice(0, 3);
  const worst = lines.find((l) => !l.drill);
  return (
    <Tile id="incidents" title={t('wall.incidents')} alert={worst ? levelLook(worst.level).bg : null}>
      {lines.length === 0 && <div className="wall-quiet">{t('wall.noIncidents')}</div>}
      {lines.map((l) => (
        <div key={l.id} className="wall-incident" data-testid="wall-incident">
          <span className="wall-level" style={{ background: levelLook(l.level).bg, color: levelLook(l.level).fg }}>
            {l.level}
          </span>
          <span className="wall-incident-title">
            {l.drill ? `[${t('wall.drill')}] ` : ''}
            {l.title[lang]}
            {l.evacuating ? ` · ${t('wall.evacuating')}` : ''}
          </span>
          <span className="wall-elapsed">{elapsedText(l.elapsedMs)}</span>
        </div>
      ))}
    </Tile>
  );
}

export function HealthTile({ now }: { now: number }): React.JSX.Element {
  const { t } = useTranslation();
  const h = tagHealth(tagStore, now, STALE_PERIODS);
  const bad = h.offline + h.stale + h.bad;
  return (
    <Tile id="health" title={t('wall.health')} alert={bad > 0 ? '#d21fd2' : null}>
      <div className="wall-trio">
        <Big n={h.offline} label={t('wall.offline')} colour={h.offline > 0 ? '#d21fd2' : null} testId="wall-health-offline" />
        <Big n={h.stale} label={t('wall.stale')} colour={h.stale > 0 ? '#d21fd2' : null} testId="wall-health-stale" />
        <Big n={h.bad} label={t('wall.badQuality')} colour={h.bad > 0 ? '#d21fd2' : null} testId="wall-health-bad" />
      </div>
      <div className="wall-line wall-sub">{t('wall.tagsTotal', { n: h.total })}</div>
    </Tile>
  );
}
