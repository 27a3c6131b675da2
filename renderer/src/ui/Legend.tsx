import { useTranslation } from 'react-i18next';

/** What the marker looks mean; the swatches reuse the markers' colours, sizes and hatching. */
export function Legend(): React.JSX.Element {
  const { t } = useTranslation();
  const rows = ['normal', 'warning', 'alarm', 'bad', 'stale'] as const;
  return (
    <div className="legend" aria-label={t('legend.title')}>
      {rows.map((r) => (
        <div key={r} className="legend-row">
          <span className={`swatch swatch-${r}`} aria-hidden="true" />
          {t(`legend.${r}`)}
        </div>
      ))}
    </div>
  );
}
