import { useTranslation } from 'react-i18next';
import { useEscapeKey } from '../useEscapeKey';

/** A small modal: title, body, closes on Escape or the × button. */
export function Dialog({ title, onClose, testId, children }: { title: string; onClose: () => void; testId: string; children: React.ReactNode }): React.JSX.Element {
  const { t } = useTranslation();
  useEscapeKey(onClose);
  return (
    <div className="modal-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-label={title} data-testid={testId}>
        <div className="dialog-head">
          <h2>{title}</h2>
          <button className="close" onClick={onClose} aria-label={t('panel.close')}>
            ×
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
