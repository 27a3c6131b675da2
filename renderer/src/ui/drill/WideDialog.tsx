import { useTranslation } from 'react-i18next';
import { useEscapeKey } from '../useEscapeKey';

/** A large modal (score card, review, reconstruction): closes on Escape, the × button or a click outside. */
export function WideDialog({ title, onClose, testId, className, children }: { title: React.ReactNode; onClose: () => void; testId: string; className?: string; children: React.ReactNode }): React.JSX.Element {
  const { t } = useTranslation();
  useEscapeKey(onClose);
  return (
    <div className="modal-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div className={`wide-dialog ${className ?? ''}`} role="dialog" aria-modal="true" data-testid={testId}>
        <div className="wide-dialog-head">
          <h2>{title}</h2>
          <button className="close" onClick={onClose} aria-label={t('panel.close')}>
            ×
          </button>
        </div>
        <div className="wide-dialog-body">{children}</div>
      </div>
    </div>
  );
}
