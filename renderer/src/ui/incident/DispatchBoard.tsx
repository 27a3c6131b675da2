import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentRecord } from '../../../../shared/incident/model';
import { useConsole } from '../../app/ConsoleContext';
import type { CandidatesView } from '../../data/incidentClient';
import { candidateGroups, dispatchRows } from '../../incident/dispatchView';
import { clockTime } from '../../incident/incidentTime';
import { useIncidentUi } from '../../incident/incidentUi';
import { useCommandState } from '../../stores/commandStore';
import { ConfirmCommand } from './incidentBits';
import { ResourceBoard, useUnitName } from './ResourceBoard';

/** Recommendations are re-read this often while shown (travel times move with the zones and the units). */
const REFRESH_MS = 15_000;

/**
 * Dispatch (W5): for each need of the incident's type the server's ranked candidates — travel
 * time on the road graph round the red and orange bands, distance, qualified members, upwind
 * approach, and why a unit is unfit (an expired SCBA course, no open road) — with a dispatch
 * button the commander confirms; then the incident's dispatches with ETA and arrival. The
 * resource board is the other tab of this column.
 */
export function DispatchBoard({ inc, now, lang }: { inc: IncidentRecord; now: number; lang: 'zh' | 'en' }): React.JSX.Element {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'dispatch' | 'resources'>('dispatch');
  return (
    <section className="incident-col" data-testid="dispatch">
      <div className="col-tabs">
        <button className={tab === 'dispatch' ? 'active' : ''} data-testid="dispatch-tab" onClick={() => setTab('dispatch')}>
          {t('incident.dispatch')}
        </button>
        <button className={tab === 'resources' ? 'active' : ''} data-testid="resources-tab" onClick={() => setTab('resources')}>
          {t('incident.resources')}
        </button>
      </div>
      {tab === 'dispatch' ? <Recommendations inc={inc} now={now} lang={lang} /> : <ResourceBoard />}
    </section>
  );
}

function Recommendations({ inc, now, lang }: { inc: IncidentRecord; now: number; lang: 'zh' | 'en' }): React.JSX.Element {
  const { t } = useTranslation();
  const controller = useConsole();
  const zones = useCommandState((s) => s.emergency?.zones[inc.id]);
  const dispatches = useCommandState((s) => s.emergency?.dispatches);
  const hasResources = useIncidentUi((s) => s.resources !== null);
  const unitName = useUnitName();
  const [view, setView] = useState<CandidatesView | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const api = controller.source.incidentApi?.();
    if (!api || inc.state === 'closed') return;
    let live = true;
    const read = (): void =>
      void api.candidates(inc.id).then((v) => {
        if (!live) return;
        setView(v);
        setFailed(v === null);
      });
    read();
    const timer = setInterval(read, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [controller, inc.id, inc.state, zones, dispatches]);
  const groups = view ? candidateGroups(view.needs, view.candidates, unitName, lang) : [];
  const rows = dispatchRows(dispatches, inc.id, now);
  return (
    <div className="col-body">
      {rows.length > 0 && (
        <ul className="dispatch-list" data-testid="dispatch-list">
          {rows.map((d) => (
            <li key={d.id} className={`dispatch-row state-${d.state}`} data-testid={`dispatch-${d.unit}`} data-state={d.state}>
              <b>{unitName(d.unit)}</b> <span className="dim">{t(`incident.need.${d.need}`, { defaultValue: d.need })}</span>{' '}
              {d.state === 'en_route' && <span className="mono eta">ETA {d.eta}</span>}
              {d.state === 'arrived' && d.arrivedAt !== null && <span className="arrived">✓ {t('incident.arrivedAt', { time: clockTime(d.arrivedAt, lang) })}</span>}
              {d.state !== 'en_route' && d.state !== 'arrived' && <span className="dim">{t(`incident.dispatchState.${d.state}`)}</span>}
              <div className="dim">
                {t('incident.members', { n: d.members })}
                {d.materials.length > 0 && ` · ${d.materials.map((m) => `${t(`incident.need.${m.kind}`, { defaultValue: m.kind })}×${m.quantity}`).join('、')}`}
              </div>
            </li>
          ))}
        </ul>
      )}
      {!hasResources && failed && <div className="dim">{t('incident.noResources')}</div>}
      {groups.map((g) => (
        <div key={g.need} className="need" data-testid={`need-${g.need}`}>
          <h4>{t(`incident.need.${g.need}`, { defaultValue: g.need })}</h4>
          {g.rows.length === 0 && <div className="dim">{t('incident.noCandidates')}</div>}
          <ol className="candidates">
            {g.rows.slice(0, 4).map((r) => (
              <li key={r.unit} className={`candidate${r.recommended ? ' recommended' : ''}${r.fit ? '' : ' unfit'}`} data-testid="candidate" data-unit={r.unit} data-fit={r.fit} data-recommended={r.recommended}>
                <div className="candidate-main">
                  <span className="rank">{r.rank}</span>
                  <b>{r.name}</b>
                  <span className="mono">{r.travel}</span>
                  <span className="dim">{r.distance}</span>
                  {r.unitKind === 'team' && <span className="dim">{t('incident.qualified', { n: r.qualified })}</span>}
                  <span className={r.upwind ? 'upwind' : 'downwind'}>{r.upwind ? t('incident.upwind') : t('incident.notUpwind')}</span>
                  {r.fit && (
                    <ConfirmCommand
                      name="dispatch.create"
                      testId={`dispatch-${g.need}-${r.unit}`}
                      className={r.recommended ? 'primary-action' : ''}
                      disabled={inc.state === 'closed'}
                      label={t('incident.cmd.dispatch')}
                      title={t('incident.dispatchTitle', { unit: r.name })}
                      body={<p className="dialog-hint">{t('incident.dispatchBody', { unit: r.name, need: t(`incident.need.${g.need}`, { defaultValue: g.need }), travel: r.travel, distance: r.distance })}</p>}
                      payload={() => ({ incidentId: inc.id, unit: r.unit, need: g.need })}
                    />
                  )}
                </div>
                {r.unfit.length > 0 && <div className="unfit-reasons">{r.unfit.join('；')}</div>}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}
