import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hazardCategories, type HazardCategory } from '../../../../shared/hazard/model';
import { useAlarmConsole } from '../../app/AlarmContext';
import { useConsole } from '../../app/ConsoleContext';
import { peopleById, personName } from '../../hazard/hazardPeople';
import { hazardUi, useHazardUi } from '../../hazard/hazardUi';
import { usePeopleRegistry } from '../../people/peopleRegistry';
import { usePlant } from '../../stores/plantStore';
import { useUi } from '../../stores/uiStore';
import { PersonPicker } from './HazardForms';
import { fromLocalInput, toLocalInput } from './hazardText';

/**
 * Near-miss report (未遂事故): what happened, when, what could have happened, who was involved,
 * where (area and equipment, or a point clicked on the map). Sent as `hazard.report` with
 * `nearMiss`; the server opens a work order of source `near_miss`.
 */
export function NearMissForm(): React.JSX.Element {
  const { t } = useTranslation();
  const controller = useConsole();
  const alarms = useAlarmConsole();
  const lang = useUi((s) => s.lang);
  const plant = usePlant((s) => s.plant);
  const byIndex = usePeopleRegistry((s) => s.byIndex);
  const picking = useHazardUi((s) => s.picking);
  const picked = useHazardUi((s) => s.picked);
  const [f, setF] = useState({ title: '', what: '', when: toLocalInput(controller.now()), consequence: '', immediate: '', area: '', equipment: '', category: 'other' as HazardCategory });
  const [involved, setInvolved] = useState<string[]>([]);
  const [usePoint, setUsePoint] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const people = peopleById(byIndex);
  const avail = alarms.commands.availability('hazard.report');
  const equipment = plant?.equipment.filter((e) => !f.area || e.area === f.area) ?? [];
  const point = usePoint && picked ? picked : null;

  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    const when = fromLocalInput(f.when);
    if (f.title.trim().length < 3 || f.what.trim().length < 3 || f.consequence.trim().length < 3 || !when) return setResult({ ok: false, text: t('hazard.form.tooShort') });
    if (!f.area && !f.equipment && !point) return setResult({ ok: false, text: t('hazard.report.needWhere') });
    setBusy(true);
    const out = await alarms.commands.run('hazard.report', {
      title: f.title.trim(),
      description: f.what.trim(),
      category: f.category,
      ...(f.area ? { area: f.area } : point?.area ? { area: point.area } : {}),
      ...(f.equipment ? { equipment: f.equipment } : {}),
      ...(point ? { position: point.position } : {}),
      nearMiss: { occurredAt: when, whatHappened: f.what.trim(), potentialConsequence: f.consequence.trim(), peopleInvolved: involved, ...(f.immediate.trim() ? { immediateAction: f.immediate.trim() } : {}) },
    });
    setBusy(false);
    if (!out.ok) return setResult({ ok: false, text: out.message });
    const id = (out.data as { hazardId?: unknown } | null)?.hazardId;
    setResult({ ok: true, text: t('hazard.report.sent', { id: typeof id === 'string' ? id : '' }) });
    setF({ ...f, title: '', what: '', consequence: '', immediate: '' });
    setInvolved([]);
    if (typeof id === 'string') hazardUi.getState().select(id);
  };

  return (
    <form className="hazard-report" data-testid="nearmiss-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="hazard-report-cols">
        <div>
          <Field label={t('hazard.report.headline')}>
            <input value={f.title} onChange={(e) => setF({ ...f, title: e.target.value })} data-testid="nm-title" />
          </Field>
          <Field label={t('hazard.report.what')}>
            <textarea rows={3} value={f.what} onChange={(e) => setF({ ...f, what: e.target.value })} data-testid="nm-what" />
          </Field>
          <Field label={t('hazard.report.consequence')}>
            <textarea rows={2} value={f.consequence} onChange={(e) => setF({ ...f, consequence: e.target.value })} data-testid="nm-consequence" />
          </Field>
        </div>
        <div>
          <div className="hazard-form-row">
            <Field label={t('hazard.report.when')}>
              <input type="datetime-local" value={f.when} onChange={(e) => setF({ ...f, when: e.target.value })} data-testid="nm-when" />
            </Field>
            <Field label={t('hazard.report.category')}>
              <select value={f.category} onChange={(e) => setF({ ...f, category: e.target.value as HazardCategory })} data-testid="nm-category">
                {hazardCategories.map((c) => (
                  <option key={c} value={c}>
                    {t(`hazard.category.${c}`)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <fieldset className="hazard-where">
            <legend>{t('hazard.report.where')}</legend>
            <div className="hazard-form-row">
              <Field label={t('hazard.report.area')}>
                <select value={f.area} onChange={(e) => setF({ ...f, area: e.target.value, equipment: '' })} data-testid="nm-area">
                  <option value="">{t('hazard.report.none')}</option>
                  {plant?.areas.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name[lang]}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t('hazard.report.equipment')}>
                <select value={f.equipment} onChange={(e) => setF({ ...f, equipment: e.target.value })} data-testid="nm-equipment">
                  <option value="">{t('hazard.report.none')}</option>
                  {equipment.map((q) => (
                    <option key={q.id} value={q.id}>
                      {q.name[lang]}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
            <button
              type="button"
              className={picking ? 'active' : ''}
              data-testid="nm-pick"
              onClick={() => {
                setUsePoint(true);
                hazardUi.getState().startPick();
              }}
            >
              ◎ {picking ? t('hazard.report.picking') : t('hazard.report.pickOnMap')}
            </button>
            {point && <span className="dim" data-testid="nm-picked"> {t('hazard.report.picked', { x: point.position[0].toFixed(0), y: point.position[1].toFixed(0) })}</span>}
          </fieldset>
        </div>
        <div>
          <PersonPicker label={t('hazard.report.people')} value="" onChange={(id) => id && !involved.includes(id) && setInvolved([...involved, id])} testId="nm-people" />
          <div className="hazard-chips">
            {involved.map((id) => (
              <button type="button" key={id} className="chip" onClick={() => setInvolved(involved.filter((x) => x !== id))}>
                {personName(people, id, lang)} ×
              </button>
            ))}
          </div>
          <Field label={t('hazard.report.immediate')}>
            <textarea rows={2} value={f.immediate} onChange={(e) => setF({ ...f, immediate: e.target.value })} data-testid="nm-immediate" />
          </Field>
          <div className="hazard-form-buttons">
            <button type="submit" className="primary" disabled={busy || !avail.ok} data-testid="nm-send">
              {busy ? t('hazard.form.sending') : t('hazard.report.send')}
            </button>
            {!avail.ok && <span className="hazard-error">{t(avail.reason === 'offline' ? 'cmd.refusedOffline' : 'cmd.refusedForbidden', { action: t('hazard.report.send') })}</span>}
            {result && (
              <span className={result.ok ? 'hazard-ok' : 'hazard-error'} role="status" data-testid="nm-result">
                {result.text}
              </span>
            )}
          </div>
        </div>
      </div>
    </form>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <label className="hazard-field">
      {label}
      {children}
    </label>
  );
}
