import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkShelve, formatDuration } from '../../../../shared/alarm/shelving';
import { useAlarmConsole } from '../../app/AlarmContext';
import { alarmStore } from '../../stores/alarmStore';
import { usePlant } from '../../stores/plantStore';
import { useUi } from '../../stores/uiStore';
import { Dialog } from './Dialog';

/** Shelve lengths offered, s; only those within the role's maximum are shown. */
export const shelveChoicesS = [600, 1800, 3600, 7200, 14_400, 28_800, 86_400, 259_200] as const;

/** The choices a role may pick under the plant's shelving policy (all of them when the plant has none). */
export function shelveChoices(maxDurationS: number | null): number[] {
  return shelveChoicesS.filter((s) => maxDurationS === null || s <= maxDurationS);
}

/**
 * Shelve one alarm (ISA-18.2: time-limited, with a reason, by role). The lengths offered stop
 * at the role's maximum from the plant's alarm settings; the server checks again (count limit,
 * policy) and its refusal is shown here.
 */
export function ShelveDialog({ alarmId, onClose }: { alarmId: string; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const ac = useAlarmConsole();
  const lang = useUi((s) => s.lang);
  const user = useUi((s) => s.user);
  const settings = usePlant((s) => s.plant?.alarmSettings);
  const policy = user && settings ? (settings.shelving.byRole[user.role] ?? null) : null;
  const choices = shelveChoices(settings ? (policy?.maxDurationS ?? 0) : null);
  const [durationS, setDuration] = useState<number>(choices.includes(1800) ? 1800 : (choices[0] ?? 0));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mine = user ? alarmStore.getState().summary.rows.filter((r) => r.alarm.lifecycle.shelved?.by === user.name && r.alarm.id !== alarmId).length : 0;
  const pre = settings && user ? checkShelve(settings, { role: user.role, durationS: durationS || 1, reason: reason.trim() || 'x', shelvedNow: mine }) : { ok: true as const };
  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const out = await ac.commands.run('alarm.shelve', { alarmId, durationS, reason: reason.trim() });
    setBusy(false);
    if (out.ok) onClose();
    else setError(out.message);
  };
  return (
    <Dialog title={t('shelve.title', { id: alarmId })} onClose={onClose} testId="shelve-dialog">
      {policy && <p className="dialog-hint">{t('shelve.policy', { max: formatDuration(policy.maxDurationS)[lang], count: policy.maxCount, mine })}</p>}
      {!pre.ok && <div className="dialog-error" data-testid="shelve-policy">{pre.message[lang]}</div>}
      <label>
        {t('shelve.duration')}
        <select data-testid="shelve-duration" value={durationS} onChange={(e) => setDuration(Number(e.target.value))} disabled={choices.length === 0}>
          {choices.map((s) => (
            <option key={s} value={s}>
              {formatDuration(s)[lang]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('shelve.reason')}
        <input data-testid="shelve-reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} placeholder={t('shelve.reasonHint')} autoFocus />
      </label>
      {error && <div className="dialog-error" data-testid="dialog-error">{t('cmd.serverSaid', { message: error })}</div>}
      <div className="dialog-buttons">
        <button onClick={onClose}>{t('dialog.cancel')}</button>
        <button className="primary" data-testid="shelve-submit" disabled={busy || choices.length === 0 || reason.trim().length < 3} onClick={() => void submit()}>
          {t('cmd.shelve')}
        </button>
      </div>
    </Dialog>
  );
}
