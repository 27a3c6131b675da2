import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { responseLevels, type IncidentRecord, type ResponseLevel } from '../../../../shared/incident/model';
import { useConsole } from '../../app/ConsoleContext';
import { clockTime, formatDuration } from '../../incident/incidentTime';
import { firstReportView, sourceView } from '../../incident/incidentView';
import { incidentUi, useIncidentUi } from '../../incident/incidentUi';
import { printHtml, reportFileName, saveFile } from '../../incident/reportExport';
import { commandStore } from '../../stores/commandStore';
import { usePlant } from '../../stores/plantStore';
import { ConfirmCommand, LevelChip } from './incidentBits';

/**
 * The selected incident at a glance: the level (colour chip with the Roman numeral), what and
 * where, the release source (estimated rates say so), how long it has run, the one-hour first
 * report clock, and the commander's actions (level with a reason, contain, close, the report,
 * a map snapshot).
 */
export function IncidentHeader({ inc, now, lang }: { inc: IncidentRecord; now: number; lang: 'zh' | 'en' }): React.JSX.Element {
  const { t } = useTranslation();
  const plant = usePlant((s) => s.plant);
  const chem = (id: string): string => plant?.chemicals.find((c) => c.id === id)?.name[lang] ?? id;
  const src = sourceView(inc, chem);
  const fr = firstReportView(inc, now);
  const area = inc.area ? (plant?.areas.find((a) => a.id === inc.area)?.name[lang] ?? inc.area) : '—';
  const [level, setLevel] = useState<ResponseLevel>(inc.level === 'I' ? 'II' : 'I');
  return (
    <header className="incident-head" data-testid="incident-head" data-level={inc.level} data-type={inc.type}>
      <LevelChip level={inc.level} big />
      <div className="incident-title">
        <div className="incident-name">
          <b data-testid="incident-type">{t(`incident.type.${inc.type}`)}</b> · {inc.title[lang]} <span className="dim">{inc.id}</span>
          {inc.drill && <span className="drill-tag">{t('incident.drill')}</span>}
        </div>
        <div className="incident-facts">
          <span>
            {t('incident.area')}: <b>{area}</b>
          </span>
          <span data-testid="incident-source">
            {t('incident.source')}: <b>{src.chemical ?? '—'}</b>
            {src.equipment && ` @ ${src.equipment}`} · {src.rate ? `${src.rate} kg/s` : t('incident.rateUnknown')}
            {src.estimated && src.rate && <em className="estimate-tag">{t('incident.estimated')}</em>} · {t('incident.height', { m: src.heightM })}
          </span>
          <span>
            {t('incident.openedAt')} {clockTime(inc.openedAt, lang)} · {inc.openedBy === 'system' ? t('incident.bySystem') : inc.openedBy}
          </span>
        </div>
      </div>
      <div className="incident-clock" title={t('incident.elapsed')}>
        <small>{t('incident.elapsed')}</small>
        <span className="mono" data-testid="incident-elapsed">
          {formatDuration(now - inc.openedAt)}
        </span>
      </div>
      <div className={`incident-clock first-report${fr.late ? ' late' : fr.at ? ' done' : ''}`} data-testid="first-report" data-late={fr.late}>
        <small>{t('incident.firstReport')}</small>
        <span className="mono">{fr.at ? `✓ ${clockTime(fr.at, lang)}` : fr.countdown!.text}</span>
      </div>
      <div className="incident-actions">
        <button data-testid="incident-locate" title={t('incident.locateTitle')} onClick={() => frameIncident(inc)}>
          ⊙ {t('incident.locateMap')}
        </button>
        <ConfirmCommand
          name="incident.setLevel"
          testId="incident-level"
          label={t('incident.cmd.setLevel')}
          title={t('incident.levelTitle', { id: inc.id })}
          noteKey="incident.levelReason"
          noteMin={3}
          payload={(reason) => ({ incidentId: inc.id, level, reason })}
        >
          <label>
            {t('incident.newLevel')}
            <select data-testid="incident-level-select" value={level} onChange={(e) => setLevel(e.target.value as ResponseLevel)}>
              {responseLevels
                .filter((l) => l !== inc.level)
                .map((l) => (
                  <option key={l} value={l}>
                    {l} · {t(`incident.levelName.${l}`)}
                  </option>
                ))}
            </select>
          </label>
          {inc.levelReasons.length > 0 && <p className="dialog-hint">{inc.levelReasons.slice(-3).map((r) => r[lang]).join(' · ')}</p>}
        </ConfirmCommand>
        {inc.state === 'open' && (
          <ConfirmCommand name="incident.contain" testId="incident-contain" label={t('incident.cmd.contain')} title={t('incident.containTitle', { id: inc.id })} noteKey="incident.note" noteMin={3} payload={(note) => ({ incidentId: inc.id, note })} />
        )}
        <ConfirmCommand name="incident.close" testId="incident-close" label={t('incident.cmd.close')} title={t('incident.closeTitle', { id: inc.id })} noteKey="incident.note" noteMin={3} payload={(note) => ({ incidentId: inc.id, note })} />
        <ReportButtons id={inc.id} />
      </div>
    </header>
  );
}

/** Flies the map to frame the source and the red band (downwind of it), else the source alone. */
function frameIncident(inc: IncidentRecord): void {
  const z = commandStore.getState().state.emergency?.zones[inc.id];
  const [x, y, h] = inc.source.position;
  const red = z?.zones.find((b) => b.band === 'red')?.downwindM ?? 0;
  if (!z || red <= 0) return incidentUi.getState().locateAt(inc.source.position, 300);
  const th = (z.wind.fromDeg * Math.PI) / 180;
  const half = Math.min(red, 600) / 2;
  incidentUi.getState().locateAt([x - Math.sin(th) * half, y - Math.cos(th) * half, h], Math.max(360, half * 3));
}

/** After-action report: HTML download, PDF (Electron printToPDF or the browser's print), and a map snapshot for it. */
function ReportButtons({ id }: { id: string }): React.JSX.Element {
  const { t } = useTranslation();
  const controller = useConsole();
  const last = useIncidentUi((s) => s.lastSnapshot);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const api = controller.source.incidentApi?.();
  const html = async (): Promise<string | null> => {
    const page = (await api?.report(id, 'html')) ?? null;
    setError(page ? null : t('incident.reportUnavailable'));
    return page;
  };
  const run = (what: string, fn: () => Promise<void>): void => {
    setBusy(what);
    void fn().finally(() => setBusy(null));
  };
  return (
    <span className="report-buttons">
      <button data-testid="report-html" disabled={!api || busy !== null} onClick={() => run('html', async () => void ((p) => p && saveFile(reportFileName(id, 'html'), p, 'text/html'))(await html()))}>
        {t('incident.reportHtml')}
      </button>
      <button
        data-testid="report-pdf"
        disabled={!api || busy !== null}
        onClick={() =>
          run('pdf', async () => {
            const page = await html();
            if (!page) return;
            const bridge = window.vigil;
            if (bridge?.printReportPdf) {
              const pdf = await bridge.printReportPdf(page).catch(() => null);
              if (pdf) saveFile(reportFileName(id, 'pdf'), new Uint8Array(pdf), 'application/pdf');
              else setError(t('incident.pdfFailed'));
            } else printHtml(page);
          })
        }
      >
        {t('incident.reportPdf')}
      </button>
      <button data-testid="snapshot" disabled={!api} title={last ? `${last.ok ? '✓' : '✗'} ${last.caption}` : t('incident.snapshotTitle')} onClick={() => incidentUi.getState().requestSnapshot(id, t('incident.snapshot.manual'))}>
        {t('incident.snapshot.take')}
        {last && <span className={last.ok ? 'ok-mark' : 'bad-mark'}>{last.ok ? ' ✓' : ' ✗'}</span>}
      </button>
      {error && <span className="incident-error">{error}</span>}
    </span>
  );
}
