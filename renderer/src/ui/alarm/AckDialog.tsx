import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAlarmConsole } from '../../app/AlarmContext';
import { Dialog } from './Dialog';

const MAX_PER_COMMAND = 500;

/** Acknowledge one alarm or a page of them, with an optional note (journaled with the ack). */
export function AckDialog({ ids, onClose }: { ids: string[]; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const ac = useAlarmConsole();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    for (let i = 0; i < ids.length; i += MAX_PER_COMMAND) {
      const out = await ac.commands.run('alarm.ack', { alarmIds: ids.slice(i, i + MAX_PER_COMMAND), ...(note.trim() ? { note: note.trim() } : {}) });
      if (!out.ok) {
        setBusy(false);
        setError(out.message);
        return;
      }
    }
    onClose();
  };
  return (
    <Dialog title={ids.length === 1 ? t('ack.titleOne', { id: ids[0] }) : t('ack.titleMany', { n: ids.length })} onClose={onClose} testId="ack-dialog">
      <label>
        {t('ack.note')}
        <textarea data-testid="ack-note" value={note} maxLength={500} rows={3} onChange={(e) => setNote(e.target.value)} autoFocus />
      </label>
      {error && <div className="dialog-error" data-testid="dialog-error">{t('cmd.serverSaid', { message: error })}</div>}
      <div className="dialog-buttons">
        <button onClick={onClose}>{t('dialog.cancel')}</button>
        <button className="primary" data-testid="ack-submit" disabled={busy} onClick={() => void submit()}>
          {t('cmd.ack')}
        </button>
      </div>
    </Dialog>
  );
}
