import { useTranslation } from 'react-i18next';
import type { IncidentRecord } from '../../../../shared/incident/model';
import { clockTime, formatDuration } from '../../incident/incidentTime';
import { incidentUi } from '../../incident/incidentUi';
import { atRiskRows, musterView } from '../../incident/riskView';
import { useCommandState } from '../../stores/commandStore';
import { usePlant } from '../../stores/plantStore';
import { useUi } from '../../stores/uiStore';
import { BandDot, ConfirmCommand, usePersonLookup } from './incidentBits';

/** Rows shown of a long list; the count says how many there are. */
const SHOWN = 60;

/**
 * Who is inside each threat band (live, from incident.risk.changed), the evacuation order and
 * its notices, and the muster board: accounted of expected with a bar, per muster point, the
 * missing with their last known place and time (a click flies the map there), t90 and t100.
 */
export function RiskMusterView({ inc, now }: { inc: IncidentRecord; now: number }): React.JSX.Element {
  const { t } = useTranslation();
  const lang = useUi((s) => s.lang);
  const plant = usePlant((s) => s.plant);
  const risk = useCommandState((s) => s.emergency?.risk[inc.id]);
  const notice = useCommandState((s) => s.emergency?.notices[inc.id]);
  const muster = useCommandState((s) => s.emergency?.muster[inc.id]);
  const hasZones = useCommandState((s) => !!s.emergency?.zones[inc.id]);
  const { lookup } = usePersonLookup();
  const rows = atRiskRows(risk, lookup);
  const mv = musterView(muster, now);
  const mpName = (id: string): string => plant?.muster.find((m) => m.id === id)?.name[lang] ?? id;
  const areaName = (id: string | null): string => (id ? (plant?.areas.find((a) => a.id === id)?.name[lang] ?? id) : '—');
  const c = risk?.counts ?? { red: 0, orange: 0, yellow: 0 };
  return (
    <section className="incident-col" data-testid="people-at-risk">
      <h3>
        {t('incident.atRisk')}
        <span className="col-count" data-testid="at-risk-count">
          {rows.length}
        </span>
      </h3>
      <div className="band-counts">
        {(['red', 'orange', 'yellow'] as const).map((b) => (
          <span key={b} className={`band-count band-${b}${c[b] > 0 ? ' hot' : ''}`} data-testid={`at-risk-${b}`}>
            {t(`incident.band.${b}`)} <b>{c[b]}</b>
          </span>
        ))}
      </div>
      {!hasZones && <div className="dim">{t('incident.noZones')}</div>}
      <ul className="at-risk-list">
        {rows.slice(0, SHOWN).map((r) => (
          <li key={r.person} data-testid="at-risk-person" data-person={r.person} data-band={r.band}>
            <BandDot band={r.band} /> {r.name} <span className="dim">{r.person}</span> <span className="dim">{r.area}</span>
          </li>
        ))}
        {rows.length > SHOWN && <li className="dim">{t('incident.more', { n: rows.length - SHOWN })}</li>}
      </ul>
      <div className="evacuate-row">
        <ConfirmCommand
          name="incident.evacuate"
          testId="evacuate"
          className="evacuate-btn"
          disabled={!hasZones || inc.state === 'closed'}
          label={t('incident.cmd.evacuate')}
          title={t('incident.evacuateTitle', { id: inc.id })}
          body={<p className="dialog-hint">{t('incident.evacuateBody', { n: rows.length })}</p>}
          noteKey="incident.noteOptional"
          payload={(note) => ({ incidentId: inc.id, areas: 'zones', ...(note ? { note } : {}) })}
        />
        {notice && (
          <span data-testid="notices" data-count={notice.recipients}>
            {t('incident.noticesSent', { n: notice.recipients, time: clockTime(notice.time, lang) })} → {notice.musterPoints.map(mpName).join('、')}
          </span>
        )}
      </div>
      <h3>
        {t('incident.muster')}
        {mv && (
          <span className="col-count" data-testid="muster-count" data-pct={mv.pct}>
            {mv.accounted}/{mv.expected} · {mv.pct}%
          </span>
        )}
      </h3>
      {!mv && <div className="dim">{t('incident.noMuster')}</div>}
      {mv && (
        <div className="muster" data-testid="muster">
          <div className="progress" role="progressbar" aria-valuenow={mv.pct} aria-valuemin={0} aria-valuemax={100}>
            <div className={`progress-bar${mv.pct >= 100 ? ' full' : ''}`} style={{ width: `${mv.pct}%` }} />
          </div>
          <div className="muster-times">
            <span data-testid="muster-t90">t90 {mv.t90 ?? '—'}</span>
            <span data-testid="muster-t100">t100 {mv.t100 ?? '—'}</span>
            {mv.running && <span className="dim">{t('incident.musterRunning', { t: mv.running })}</span>}
          </div>
          <ul className="muster-points">
            {mv.points.filter((p) => p.count > 0 || notice?.musterPoints.includes(p.id)).map((p) => (
              <li key={p.id}>
                {mpName(p.id)} <b>{p.count}</b>
              </li>
            ))}
          </ul>
          {mv.missingCount > 0 && (
            <>
              <div className="missing-head">{t('incident.missing', { n: mv.missingCount })}</div>
              <ul className="missing-list">
                {mv.missing.slice(0, SHOWN).map((p) => {
                  // The journaled board keeps the fix of its last count change; the live people table is newer when the person is on site.
                  const who = lookup(p.person);
                  const at = who.live?.at ?? p.lastFixAt;
                  const where = who.live?.position ?? p.position;
                  return (
                    <li key={p.person} data-testid="missing-person">
                      <button className="link" disabled={!where} onClick={() => where && incidentUi.getState().locateAt(where)} title={t('incident.locate')}>
                        ⊙ {who.name}
                      </button>{' '}
                      <span className="dim">
                        {who.live ? who.area : areaName(p.area)} · {at !== null ? t('incident.ago', { t: formatDuration(now - at) }) : t('incident.noFix')}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
