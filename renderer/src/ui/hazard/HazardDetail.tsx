import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HazardRecord } from '../../../../shared/hazard/model';
import { hazardButtons, linkedPerson, type HazardButton } from '../../hazard/hazardButtons';
import { peopleById, personName } from '../../hazard/hazardPeople';
import { hazardUi } from '../../hazard/hazardUi';
import { formatDuration, isOverdue, timeLeft } from '../../hazard/hazardView';
import { usePeopleRegistry } from '../../people/peopleRegistry';
import { usePlant } from '../../stores/plantStore';
import { useUi } from '../../stores/uiStore';
import { HazardActionForm } from './HazardForms';
import { shortTime } from './hazardText';
import { openTrace } from '../trace/traceUi';

/**
 * One order: what and where (with a button that flies the map to it), the evidence against its
 * standard, the near miss as reported, the rectification plan of a major hazard, its history
 * (newest first) and the lifecycle buttons this user may use (`allowedHazardActions`).
 */
export function HazardDetail({ hazard: h, now }: { hazard: HazardRecord; now: number }): React.JSX.Element {
  const { t } = useTranslation();
  const lang = useUi((s) => s.lang);
  const user = useUi((s) => s.user);
  const plant = usePlant((s) => s.plant);
  const byIndex = usePeopleRegistry((s) => s.byIndex);
  const [form, setForm] = useState<HazardButton | null>(null);
  const people = peopleById(byIndex);
  const tz = plant?.meta.timezone;
  const name = (id: string | null): string => personName(people, id, lang) ?? '—';
  const buttons = hazardButtons(h, user ? { ...user, person: linkedPerson(user) } : null);
  const overdue = isOverdue(h, now);
  const left = timeLeft(h, now);
  const area = plant?.areas.find((a) => a.id === h.area);
  const equipment = plant?.equipment.find((e) => e.id === h.equipment);
  const openForm = form && buttons.some((b) => b.label === form.label) ? form : null;
  return (
    <div className={`hazard-detail${overdue ? ' overdue' : ''}`} data-testid="hazard-detail" data-id={h.id} data-state={h.state}>
      <div className="hazard-detail-head">
        <span className="hazard-id">{h.id}</span>
        <span className={`hazard-grade grade-${h.grade ?? 'none'}`}>{t(`hazard.grade.${h.grade ?? 'none'}`)}</span>
        <span className="hazard-state" data-testid="hazard-detail-state">
          {t(`hazard.state.${h.state}`)}
        </span>
        {overdue && (
          <span className="hazard-overdue-tag" data-testid="hazard-detail-overdue">
            ⚠ {t('hazard.overdueTag')} {left.kind === 'overdue' ? formatDuration(left.ms, lang) : ''}
          </span>
        )}
        {h.escalation > 0 && <span className="hazard-escalation">{t('hazard.escalation', { n: h.escalation })}</span>}
        <button className="close" aria-label={t('hazard.detail.close')} onClick={() => hazardUi.getState().select(null)}>
          ×
        </button>
      </div>
      <h3 className="hazard-detail-title">{h.title[lang]}</h3>
      <dl className="hazard-facts">
        <dt>{t('hazard.detail.source')}</dt>
        <dd>
          {t(`hazard.source.${h.source}`)} · {t(`hazard.category.${h.category}`)}
          {h.sourceRef && <span className="dim"> · {h.sourceRef}</span>}
        </dd>
        <dt>{t('hazard.col.assignee')}</dt>
        <dd data-testid="hazard-detail-assignee">{h.assignee ? name(h.assignee) : t('hazard.unassigned')}</dd>
        <dt>{t('hazard.col.deadline')}</dt>
        <dd>
          {h.deadline === null ? t('hazard.noDeadline') : shortTime(h.deadline, lang, tz)}
          {left.kind === 'left' && <span className="dim"> · {t('hazard.timeLeft', { t: formatDuration(left.ms, lang) })}</span>}
        </dd>
        <dt>{t('hazard.detail.location')}</dt>
        <dd>
          {[area?.name[lang], equipment?.name[lang] ?? h.equipment].filter(Boolean).join(' · ') || '—'}
          <button className="link" data-testid="hazard-locate" onClick={() => hazardUi.getState().requestLocate(h.id)}>
            ◎ {t('hazard.detail.showOnMap')}
          </button>
        </dd>
        {h.rectifiedBy && (
          <>
            <dt>{t('hazard.detail.rectifiedBy')}</dt>
            <dd>{h.rectifiedBy}</dd>
          </>
        )}
        {h.verifiedBy && (
          <>
            <dt>{t('hazard.detail.verifiedBy')}</dt>
            <dd>{h.verifiedBy}</dd>
          </>
        )}
      </dl>
      {h.description && <p className="hazard-desc">{h.description}</p>}
      {h.evidence.length > 0 && (
        <section>
          <h4>{t('hazard.detail.evidence')}</h4>
          <ul className="hazard-evidence" data-testid="hazard-evidence">
            {h.evidence.map((e, i) => (
              <li key={i}>
                <b>{t('hazard.detail.evidenceLine', { kind: e.kind, value: e.value.toFixed(1), unit: e.unit, limit: e.limit.toFixed(1) })}</b>
                {e.standard && <div className="dim">{t('hazard.detail.standard', { standard: e.standard })}</div>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {h.nearMiss && (
        <section data-testid="hazard-nearmiss">
          <h4>
            {t('hazard.detail.nearMiss')}{' '}
            <button className="link" data-testid="hazard-trace" title={t('trace.openTitle')} onClick={() => openTrace({ kind: 'hazard', id: h.id })}>
              ⌕ {t('trace.open')}
            </button>
          </h4>
          <dl className="hazard-facts">
            <dt>{t('hazard.detail.occurredAt')}</dt>
            <dd>{shortTime(h.nearMiss.occurredAt, lang, tz)}</dd>
            <dt>{t('hazard.report.what')}</dt>
            <dd>{h.nearMiss.whatHappened}</dd>
            <dt>{t('hazard.detail.consequence')}</dt>
            <dd>{h.nearMiss.potentialConsequence}</dd>
            {h.nearMiss.peopleInvolved.length > 0 && (
              <>
                <dt>{t('hazard.detail.people')}</dt>
                <dd>{h.nearMiss.peopleInvolved.map(name).join('、')}</dd>
              </>
            )}
          </dl>
        </section>
      )}
      {h.grade === 'major' && (
        <section data-testid="hazard-plan">
          <h4>{t('hazard.detail.plan')}</h4>
          {h.plan ? (
            <dl className="hazard-facts">
              <dt>{t('hazard.detail.planGoal')}</dt>
              <dd>{h.plan.goal}</dd>
              <dt>{t('hazard.detail.planMethod')}</dt>
              <dd>{h.plan.method}</dd>
              <dt>{t('hazard.detail.planFunds')}</dt>
              <dd>{h.plan.fundsCny.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')}</dd>
              <dt>{t('hazard.detail.planOwner')}</dt>
              <dd>{name(h.plan.owner)}</dd>
              <dt>{t('hazard.detail.planDeadline')}</dt>
              <dd>{shortTime(h.plan.deadline, lang, tz)}</dd>
              <dt>{t('hazard.detail.planSafety')}</dt>
              <dd>{h.plan.safetyMeasures}</dd>
            </dl>
          ) : (
            <div className="hazard-error">{t('hazard.detail.noPlan')}</div>
          )}
        </section>
      )}
      <section>
        <h4>{t('hazard.detail.actions')}</h4>
        {buttons.length === 0 && <div className="dim">{t('hazard.detail.noActions')}</div>}
        <div className="hazard-actions">
          {buttons.map((b) => (
            <button key={b.label} data-testid={`hazard-action-${b.label}`} className={openForm?.label === b.label ? 'active' : ''} onClick={() => setForm(openForm?.label === b.label ? null : b)}>
              {t(`hazard.action.${b.label}`)}
            </button>
          ))}
        </div>
        {openForm && <HazardActionForm key={`${h.id}:${openForm.label}`} hazard={h} button={openForm} now={now} onDone={() => setForm(null)} />}
      </section>
      <section>
        <h4>{t('hazard.detail.history')}</h4>
        <ol className="hazard-history" data-testid="hazard-history">
          {[...h.history].reverse().map((e, i) => (
            <li key={i}>
              <span className="num">{shortTime(e.time, lang, tz)}</span> <b>{e.actor}</b> {t(`hazard.history.${e.action}`, { defaultValue: e.action })}
              {e.note && <span className="hazard-note"> — {e.note}</span>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
