import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmergencyState } from '../../../../shared/state/reducer';
import { useConsole } from '../../app/ConsoleContext';
import { clockTime, formatDuration } from '../../incident/incidentTime';
import { reportFileName, saveFile } from '../../incident/reportExport';
import { openTrace } from '../trace/traceUi';
import { LevelChip } from './incidentBits';

/** Closed incidents the state still holds (the reducer keeps the newest 50), newest first. */
export function closedIncidents(em: EmergencyState | undefined) {
  if (!em) return [];
  return Object.values(em.incidents)
    .filter((i) => i.state === 'closed')
    .sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0) || b.id.localeCompare(a.id));
}

/**
 * Recently closed incidents, folded under the active ones: the investigator's way back to an
 * incident after it was closed (a drill's incident closes when the drill ends) — its
 * reconstruction (事故追溯) and its after-action report.
 */
export function ClosedIncidents({ em, lang }: { em: EmergencyState | undefined; lang: 'zh' | 'en' }): React.JSX.Element | null {
  const { t } = useTranslation();
  const controller = useConsole();
  const list = useMemo(() => closedIncidents(em), [em]);
  const [error, setError] = useState<string | null>(null);
  if (list.length === 0) return null;
  const api = controller.source.incidentApi?.();
  const report = async (id: string): Promise<void> => {
    const page = (await api?.report(id, 'html')) ?? null;
    setError(page ? null : t('incident.reportUnavailable'));
    if (page) saveFile(reportFileName(id, 'html'), page, 'text/html');
  };
  return (
    <details className="incident-closed" data-testid="closed-incidents">
      <summary>{t('incident.closedList', { n: list.length })}</summary>
      {error && <div className="incident-error">{error}</div>}
      <ul>
        {list.map((i) => (
          <li key={i.id} data-testid="closed-incident" data-incident={i.id}>
            <LevelChip level={i.level} /> <b>{t(`incident.type.${i.type}`)}</b> <span className="dim">{i.id}</span>
            {i.drill && <span className="drill-tag">{t('incident.drill')}</span>}
            <span className="mono dim">
              {clockTime(i.openedAt, lang)}–{i.closedAt ? clockTime(i.closedAt, lang) : '?'} ({formatDuration((i.closedAt ?? i.openedAt) - i.openedAt)})
            </span>
            <button data-testid={`closed-trace-${i.id}`} title={t('trace.openTitle')} onClick={() => openTrace({ kind: 'incident', id: i.id })}>
              ⌕ {t('trace.open')}
            </button>
            <button data-testid={`closed-report-${i.id}`} disabled={!api} onClick={() => void report(i.id)}>
              {t('incident.reportHtml')}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
