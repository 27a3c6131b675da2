import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { noticeStore, useNotices } from '../../stores/noticeStore';

const SHOW_MS = 7000;

/** Results of the user's commands: done, or refused with the reason (and the server's words). */
export function CommandToasts(): React.JSX.Element {
  const { t } = useTranslation();
  const notices = useNotices((s) => s.notices);
  useEffect(() => {
    if (notices.length === 0) return;
    const oldest = notices[0]!;
    const id = setTimeout(() => noticeStore.getState().dismiss(oldest.id), Math.max(0, oldest.at + SHOW_MS - Date.now()));
    return () => clearTimeout(id);
  }, [notices]);
  return (
    <div className="toasts" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`toast toast-${n.kind}`} data-testid={`toast-${n.kind}`} onClick={() => noticeStore.getState().dismiss(n.id)}>
          <div>{t(n.key, { ...n.values, action: n.action ? t(n.action) : '' })}</div>
          {n.detail && <div className="toast-detail">{t('cmd.serverSaid', { message: n.detail })}</div>}
        </div>
      ))}
    </div>
  );
}
