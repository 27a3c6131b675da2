import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationSink } from '../platform/nativeNotify';
import { priorityChoices, type NotifyPrefs } from './notifyRules';
import { useNotifyPrefs } from './notifyService';

/**
 * The user's notification preferences: on or off, the alarm priority threshold, evacuation
 * notices. In a browser it asks the Notification permission on the user's click (browsers
 * refuse to ask otherwise).
 */
export function NotifyPrefsForm({ sink, save }: { sink: NotificationSink; save: (p: NotifyPrefs) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const prefs = useNotifyPrefs();
  const [permission, setPermission] = useState(sink.permission());
  const set = (patch: Partial<NotifyPrefs>): void => save({ ...prefs, ...patch });
  return (
    <fieldset className="notify-prefs" data-testid="notify-prefs">
      <legend>{t('notifyPrefs.title')}</legend>
      <label>
        <input type="checkbox" checked={prefs.enabled} onChange={(e) => set({ enabled: e.target.checked })} data-testid="notify-enabled" /> {t('notifyPrefs.enabled')}
      </label>
      <label>
        {t('notifyPrefs.alarms')}{' '}
        <select value={prefs.alarmPriority} onChange={(e) => set({ alarmPriority: Number(e.target.value) as NotifyPrefs['alarmPriority'] })} data-testid="notify-priority">
          {priorityChoices.map((p) => (
            <option key={p} value={p}>
              {p === 0 ? t('notifyPrefs.noAlarms') : t('notifyPrefs.upTo', { p })}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={prefs.evacuation} onChange={(e) => set({ evacuation: e.target.checked })} /> {t('notifyPrefs.evacuation')}
      </label>
      {sink.kind === 'browser' && permission !== 'granted' && (
        <button type="button" onClick={() => void sink.requestPermission().then(setPermission)} disabled={permission === 'denied'}>
          {permission === 'denied' ? t('notifyPrefs.blocked') : t('notifyPrefs.allow')}
        </button>
      )}
      {sink.kind === 'none' && <span className="dim">{t('notifyPrefs.unsupported')}</span>}
    </fieldset>
  );
}
