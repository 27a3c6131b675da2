import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hazardCategories, type HazardCategory, type HazardGrade, type HazardRecord } from '../../../../shared/hazard/model';
import { useAlarmConsole } from '../../app/AlarmContext';
import type { CommandPayload } from '../../commands/commandRegistry';
import type { HazardButton } from '../../hazard/hazardButtons';
import { assignablePeople, peopleById } from '../../hazard/hazardPeople';
import { usePeopleRegistry } from '../../people/peopleRegistry';
import { useUi } from '../../stores/uiStore';
import { fromLocalInput, toLocalInput } from './hazardText';

const HOUR = 3_600_000;

/**
 * The form one lifecycle button needs, sent through the command registry (the server checks
 * the role and the rule again). Client checks only say early what the server would refuse.
 */
export function HazardActionForm({ hazard, button, now, onDone }: { hazard: HazardRecord; button: HazardButton; now: number; onDone: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const alarms = useAlarmConsole();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [grade, setGrade] = useState<HazardGrade>(hazard.grade ?? 'general');
  const [category, setCategory] = useState<HazardCategory>(hazard.category);
  const [plan, setPlan] = useState({ goal: '', method: '', fundsCny: '', owner: '', deadline: toLocalInput(now + 30 * 24 * HOUR), safetyMeasures: '' });
  const [assignee, setAssignee] = useState(hazard.assignee ?? '');
  const [deadline, setDeadline] = useState(toLocalInput(hazard.deadline ?? now + 72 * HOUR));
  const [passed, setPassed] = useState(true);
  const id = hazard.id;
  const avail = alarms.commands.availability(button.command);

  const send = async <N extends HazardButton['command']>(name: N, payload: CommandPayload<N>): Promise<void> => {
    setBusy(true);
    const out = await alarms.commands.run(name, payload);
    setBusy(false);
    if (out.ok) onDone();
    else setError(out.message);
  };
  const long = (s: string): boolean => s.trim().length >= 3;

  const submit = (e: React.FormEvent): void => {
    e.preventDefault();
    setError(null);
    const extra = note.trim() ? { note: note.trim() } : {};
    switch (button.form) {
      case 'assess': {
        if (grade !== 'major') return void send('hazard.assess', { hazardId: id, grade, category, ...extra });
        const d = fromLocalInput(plan.deadline);
        const funds = Number(plan.fundsCny);
        if (!long(plan.goal) || !long(plan.method) || !long(plan.safetyMeasures) || !plan.owner || !d || !Number.isFinite(funds) || plan.fundsCny === '') return setError(t('hazard.form.planRequired'));
        return void send('hazard.assess', { hazardId: id, grade, category, plan: { goal: plan.goal.trim(), method: plan.method.trim(), fundsCny: funds, owner: plan.owner, deadline: d, safetyMeasures: plan.safetyMeasures.trim() }, ...extra });
      }
      case 'assign': {
        const d = fromLocalInput(deadline);
        if (!assignee) return setError(t('hazard.form.choosePerson'));
        if (!d || d <= now) return setError(t('hazard.form.deadlineFuture'));
        return void send('hazard.assign', { hazardId: id, assignee, deadline: d, ...extra });
      }
      case 'start':
        return void send('hazard.start', { hazardId: id, ...extra });
      case 'submit':
        if (!long(note)) return setError(t('hazard.form.tooShort'));
        return void send('hazard.submit', { hazardId: id, note: note.trim() });
      case 'verify':
        if (!long(note)) return setError(t('hazard.form.tooShort'));
        return void send('hazard.verify', { hazardId: id, passed, note: note.trim() });
      case 'dismiss':
        if (!long(note)) return setError(t('hazard.form.tooShort'));
        return void send('hazard.dismiss', { hazardId: id, reason: note.trim() });
    }
  };

  const noteLabel = button.form === 'submit' ? t('hazard.form.whatDone') : button.form === 'dismiss' ? t('hazard.form.reason') : t('hazard.form.note');
  return (
    <form className="hazard-form" data-testid={`hazard-form-${button.form}`} onSubmit={submit} noValidate>
      <h4>{t(`hazard.action.${button.label}`)}</h4>
      {button.form === 'assess' && (
        <>
          <div className="hazard-form-row">
            <label>
              {t('hazard.form.grade')}
              <select value={grade} onChange={(e) => setGrade(e.target.value as HazardGrade)} data-testid="hazard-input-grade">
                <option value="general">{t('hazard.grade.general')}</option>
                <option value="major">{t('hazard.grade.major')}</option>
              </select>
            </label>
            <label>
              {t('hazard.form.category')}
              <select value={category} onChange={(e) => setCategory(e.target.value as HazardCategory)} data-testid="hazard-input-category">
                {hazardCategories.map((c) => (
                  <option key={c} value={c}>
                    {t(`hazard.category.${c}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {grade === 'major' && (
            <fieldset className="hazard-plan" data-testid="hazard-plan-form">
              <legend>{t('hazard.detail.plan')}</legend>
              <TextField label={t('hazard.detail.planGoal')} value={plan.goal} onChange={(goal) => setPlan({ ...plan, goal })} testId="plan-goal" />
              <TextField label={t('hazard.detail.planMethod')} value={plan.method} onChange={(method) => setPlan({ ...plan, method })} testId="plan-method" area />
              <label>
                {t('hazard.detail.planFunds')}
                <input type="number" min={0} value={plan.fundsCny} onChange={(e) => setPlan({ ...plan, fundsCny: e.target.value })} data-testid="plan-funds" />
              </label>
              <PersonPicker label={t('hazard.detail.planOwner')} value={plan.owner} onChange={(owner) => setPlan({ ...plan, owner })} testId="plan-owner" />
              <label>
                {t('hazard.detail.planDeadline')}
                <input type="datetime-local" value={plan.deadline} onChange={(e) => setPlan({ ...plan, deadline: e.target.value })} data-testid="plan-deadline" />
              </label>
              <TextField label={t('hazard.detail.planSafety')} value={plan.safetyMeasures} onChange={(safetyMeasures) => setPlan({ ...plan, safetyMeasures })} testId="plan-safety" area />
            </fieldset>
          )}
        </>
      )}
      {button.form === 'assign' && (
        <>
          <PersonPicker label={t('hazard.form.assignee')} value={assignee} onChange={setAssignee} testId="hazard-input-assignee" />
          <div className="hazard-form-row">
            <label>
              {t('hazard.form.deadline')}
              <input type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} data-testid="hazard-input-deadline" />
            </label>
            <span className="hazard-quick">
              {[4, 24, 72, 168].map((h) => (
                <button key={h} type="button" onClick={() => setDeadline(toLocalInput(now + h * HOUR))}>
                  +{h < 24 ? `${h} h` : `${h / 24} d`}
                </button>
              ))}
            </span>
          </div>
        </>
      )}
      {button.form === 'verify' && (
        <div className="hazard-form-row" role="radiogroup" aria-label={t('hazard.form.result')}>
          <label className="hazard-check">
            <input type="radio" name="verify" checked={passed} onChange={() => setPassed(true)} data-testid="hazard-verify-pass" />
            {t('hazard.form.pass')}
          </label>
          <label className="hazard-check">
            <input type="radio" name="verify" checked={!passed} onChange={() => setPassed(false)} data-testid="hazard-verify-fail" />
            {t('hazard.form.fail')}
          </label>
        </div>
      )}
      <TextField label={noteLabel} value={note} onChange={setNote} testId="hazard-input-note" area={button.form !== 'start'} />
      {error && (
        <div className="hazard-error" role="alert">
          {error}
        </div>
      )}
      {!avail.ok && <div className="hazard-error">{t(avail.reason === 'offline' ? 'cmd.refusedOffline' : 'cmd.refusedForbidden', { action: t(`hazard.action.${button.label}`) })}</div>}
      <div className="hazard-form-buttons">
        <button type="submit" className="primary" disabled={busy || !avail.ok} data-testid="hazard-form-send">
          {busy ? t('hazard.form.sending') : t('hazard.form.send')}
        </button>
        <button type="button" onClick={onDone}>
          {t('hazard.form.cancel')}
        </button>
      </div>
    </form>
  );
}

function TextField({ label, value, onChange, testId, area }: { label: string; value: string; onChange: (v: string) => void; testId: string; area?: boolean }): React.JSX.Element {
  return (
    <label className="hazard-field">
      {label}
      {area ? <textarea rows={2} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} /> : <input value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} />}
    </label>
  );
}

/** A registry person: type to narrow, pick from the list. */
export function PersonPicker({ label, value, onChange, testId }: { label: string; value: string; onChange: (id: string) => void; testId: string }): React.JSX.Element {
  const { t } = useTranslation();
  const lang = useUi((s) => s.lang);
  const byIndex = usePeopleRegistry((s) => s.byIndex);
  const [query, setQuery] = useState('');
  const people = peopleById(byIndex);
  const list = assignablePeople(people.values(), query, lang).slice(0, 200);
  const chosen = value ? people.get(value) : undefined;
  if (value && chosen && !list.includes(chosen)) list.unshift(chosen);
  return (
    <label className="hazard-field hazard-person">
      {label}
      <span className="hazard-person-row">
        <input type="search" placeholder={t('hazard.form.search')} value={query} onChange={(e) => setQuery(e.target.value)} data-testid={`${testId}-search`} aria-label={`${label}: ${t('hazard.form.search')}`} />
        <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
          <option value="">{people.size ? t('hazard.form.pickPerson') : t('hazard.form.noRegistry')}</option>
          {list.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name[lang]} · {p.id}
            </option>
          ))}
        </select>
      </span>
    </label>
  );
}
