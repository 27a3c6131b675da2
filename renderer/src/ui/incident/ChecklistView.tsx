import { useTranslation } from 'react-i18next';
import type { IncidentRecord } from '../../../../shared/incident/model';
import { useAlarmConsole } from '../../app/AlarmContext';
import { clockTime } from '../../incident/incidentTime';
import { checklistCounts, checklistRows, type ChecklistRow } from '../../incident/incidentView';
import { useIncidentUi } from '../../incident/incidentUi';
import { useCommandBlock } from './incidentBits';

/**
 * The activated plan as a live checklist: each step with its owner role, target time, a
 * countdown while pending and how late once past it; done/skipped with who and when. Late and
 * overdue steps stand out (red edge, red clock); automatic milestones are ticked by the server.
 */
export function ChecklistView({ inc, now, lang }: { inc: IncidentRecord; now: number; lang: 'zh' | 'en' }): React.JSX.Element {
  const { t } = useTranslation();
  const plan = useIncidentUi((s) => (inc.plan ? (s.plans.get(inc.plan.id) ?? null) : null));
  const rows = checklistRows(inc, plan, now, lang);
  const c = checklistCounts(rows);
  return (
    <section className="incident-col" data-testid="checklist">
      <h3>
        {t('incident.checklist')} {plan && <span className="dim">· {plan.name[lang]}</span>}
        <span className="col-count">
          {c.done + c.skipped}/{rows.length}
          {c.overdue > 0 && <b className="late-count" data-testid="overdue-count"> · {t('incident.overdueN', { n: c.overdue })}</b>}
        </span>
      </h3>
      {rows.length === 0 && <div className="dim">{t('incident.noPlan')}</div>}
      <ol className="checklist">
        {rows.map((r) => (
          <StepRow key={r.id} inc={inc} r={r} lang={lang} />
        ))}
      </ol>
    </section>
  );
}

function StepRow({ inc, r, lang }: { inc: IncidentRecord; r: ChecklistRow; lang: 'zh' | 'en' }): React.JSX.Element {
  const { t } = useTranslation();
  const ac = useAlarmConsole();
  const block = useCommandBlock('incident.step');
  const set = (state: 'done' | 'skipped'): void => void ac.commands.run('incident.step', { incidentId: inc.id, step: r.id, state });
  return (
    <li className={`step step-${r.timing}`} data-testid={`step-${r.id}`} data-state={r.state} data-timing={r.timing}>
      <div className="step-main">
        <span className="step-mark">{r.state === 'done' ? '✓' : r.state === 'skipped' ? '–' : '○'}</span>
        <span className="step-text">{r.text}</span>
      </div>
      <div className="step-meta">
        <span className="owner">{t(`incident.role.${r.owner}`, { defaultValue: r.owner })}</span>
        <span>T+{r.targetMin}′</span>
        {r.countdown && <span className={`mono step-clock${r.countdown.late ? ' late' : ''}`}>{r.countdown.text}</span>}
        {r.state !== 'pending' && (
          <span className="dim">
            {r.by === 'system' ? t('incident.bySystem') : r.by} {r.at !== null && clockTime(r.at, lang)}
            {r.timing === 'late' && <b className="late-word"> {t('incident.late')}</b>}
          </span>
        )}
        {r.auto && r.state === 'pending' && <span className="dim">{t('incident.auto')}</span>}
        {r.state === 'pending' && inc.state !== 'closed' && (
          <span className="step-buttons">
            <button data-testid={`step-done-${r.id}`} disabled={!!block} title={block ?? ''} onClick={() => set('done')}>
              {t('incident.done')}
            </button>
            <button data-testid={`step-skip-${r.id}`} disabled={!!block} title={block ?? ''} onClick={() => set('skipped')}>
              {t('incident.skip')}
            </button>
          </span>
        )}
      </div>
    </li>
  );
}
