import { useTranslation } from 'react-i18next';

/** Alarm KPIs (ISA-18.2 / EEMUA 191) from the server's KPI report. */
export function KpiPanel(): React.JSX.Element {
  const { t } = useTranslation();
  return <div className="kpi-panel" data-testid="kpi-panel">{t('kpi.loading')}</div>;
}
