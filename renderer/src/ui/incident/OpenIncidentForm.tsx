import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { incidentTypes, responseLevels, type IncidentType, type ResponseLevel } from '../../../../shared/incident/model';
import { useAlarmConsole } from '../../app/AlarmContext';
import { incidentUi } from '../../incident/incidentUi';
import { usePlant } from '../../stores/plantStore';
import { useUi } from '../../stores/uiStore';
import { Dialog } from '../alarm/Dialog';
import { useCommandBlock } from './incidentBits';

/**
 * Opening an incident by hand (incident.open): type, title, where (area or equipment), the
 * chemical and rate when known, and a level (left to the plant's rules when not given).
 */
export function OpenIncidentForm({ onClose }: { onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const ac = useAlarmConsole();
  const block = useCommandBlock('incident.open');
  const plant = usePlant((s) => s.plant);
  const lang = useUi((s) => s.lang);
  const [type, setType] = useState<IncidentType>('toxic_release');
  const [title, setTitle] = useState('');
  const [equipment, setEquipment] = useState('');
  const [area, setArea] = useState('');
  const [chemical, setChemical] = useState('');
  const [rate, setRate] = useState('');
  const [level, setLevel] = useState<ResponseLevel | ''>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rateN = Number(rate);
  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const out = await ac.commands.run('incident.open', {
      type,
      title: title.trim(),
      ...(equipment ? { equipment } : {}),
      ...(area ? { area } : {}),
      ...(chemical ? { chemical } : {}),
      ...(rate && rateN > 0 ? { rateKgS: rateN } : {}),
      ...(level ? { level } : {}),
    });
    setBusy(false);
    if (!out.ok) return setError(out.message);
    const id = (out.data as { incident?: { id?: string }; id?: string } | null)?.incident?.id ?? (out.data as { id?: string } | null)?.id;
    if (id) incidentUi.getState().select(id);
    onClose();
  };
  return (
    <Dialog title={t('incident.openTitle')} onClose={onClose} testId="incident-open-form">
      {block && <div className="dialog-error">{block}</div>}
      <label>
        {t('incident.typeLabel')}
        <select value={type} onChange={(e) => setType(e.target.value as IncidentType)} data-testid="open-type">
          {incidentTypes.map((x) => (
            <option key={x} value={x}>
              {t(`incident.type.${x}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('incident.titleLabel')}
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} data-testid="open-title" autoFocus />
      </label>
      <label>
        {t('incident.equipmentLabel')}
        <select value={equipment} onChange={(e) => setEquipment(e.target.value)} data-testid="open-equipment">
          <option value="">—</option>
          {plant?.equipment.map((q) => (
            <option key={q.id} value={q.id}>
              {q.id} · {q.name[lang]}
            </option>
          ))}
        </select>
      </label>
      {!equipment && (
        <label>
          {t('incident.area')}
          <select value={area} onChange={(e) => setArea(e.target.value)}>
            <option value="">—</option>
            {plant?.areas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name[lang]}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('incident.chemicalLabel')}
        <select value={chemical} onChange={(e) => setChemical(e.target.value)}>
          <option value="">—</option>
          {plant?.chemicals.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name[lang]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('incident.rateLabel')}
        <input type="number" min={0} step="any" value={rate} onChange={(e) => setRate(e.target.value)} />
      </label>
      <label>
        {t('incident.levelLabel')}
        <select value={level} onChange={(e) => setLevel(e.target.value as ResponseLevel | '')}>
          <option value="">{t('incident.levelByRules')}</option>
          {responseLevels.map((l) => (
            <option key={l} value={l}>
              {l} · {t(`incident.levelName.${l}`)}
            </option>
          ))}
        </select>
      </label>
      {error && <div className="dialog-error">{t('cmd.serverSaid', { message: error })}</div>}
      <div className="dialog-buttons">
        <button onClick={onClose}>{t('dialog.cancel')}</button>
        <button className="primary" data-testid="open-submit" disabled={busy || !!block || title.trim().length < 3 || (!!rate && !(rateN > 0))} onClick={() => void submit()}>
          {t('incident.cmd.open')}
        </button>
      </div>
    </Dialog>
  );
}
