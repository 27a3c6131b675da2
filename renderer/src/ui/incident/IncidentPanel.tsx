import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../../app/ConsoleContext';
import { activeIncidents, worstLevel } from '../../incident/incidentView';
import { formatDuration } from '../../incident/incidentTime';
import { incidentUi, useIncidentUi } from '../../incident/incidentUi';
import { useCommandState } from '../../stores/commandStore';
import { useUi } from '../../stores/uiStore';
import { useTicker } from '../useTicker';
import { IncidentHeader } from './IncidentHeader';
import { ChecklistView } from './ChecklistView';
import { RiskMusterView } from './RiskMusterView';
import { DispatchBoard } from './DispatchBoard';
import { CommandLog } from './CommandLog';
import { OpenIncidentForm } from './OpenIncidentForm';
import { ClosedIncidents } from './ClosedIncidents';
import { LevelChip } from './incidentBits';
import type { ResponseLevel } from '../../../../shared/incident/model';
import { openTrace } from '../trace/traceUi';
import './incident.css';

/** Active incidents and the most severe level among them, for the dock tab (its badge takes the level's colour). */
export function useIncidentBadge(): { count: number; level: ResponseLevel | null } {
  const em = useCommandState((s) => s.emergency);
  return useMemo(() => {
    const list = activeIncidents(em);
    return { count: list.length, level: worstLevel(list) };
  }, [em]);
}

/**
 * The commander's console (应急指挥, docs/console.md §incident): a strip of the active
 * incidents (level chip, type, elapsed), then the selected incident's header (level, source,
 * first-report clock, actions) over four columns read left to right in the order of the
 * response — plan checklist, people at risk and muster, dispatch and resources, roles,
 * agencies and the significant-events log. Everything live comes from the reduced journal; the
 * plans and resources are read once over REST.
 */
export function IncidentPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const controller = useConsole();
  const lang = useUi((s) => s.lang);
  const em = useCommandState((s) => s.emergency);
  const selected = useIncidentUi((s) => s.selected);
  const [opening, setOpening] = useState(false);
  useTicker(1000);
  useEffect(() => {
    const api = controller.source.incidentApi?.();
    if (!api) return;
    let live = true;
    void api.plans().then((p) => live && p && incidentUi.getState().setPlans(p));
    void api.resources().then((r) => live && r && incidentUi.getState().setResources(r));
    return () => void (live = false);
  }, [controller]);
  const list = useMemo(() => activeIncidents(em), [em]);
  const inc = list.find((i) => i.id === selected) ?? list[0] ?? null;
  const now = controller.now();
  return (
    <div className="incident-panel" data-testid="incident-panel" data-incident={inc?.id ?? ''}>
      <nav className="incident-strip">
        {list.length === 0 && <span className="incident-none">{t('incident.none')}</span>}
        {list.map((i) => (
          <button key={i.id} className={`incident-tab${i.id === inc?.id ? ' active' : ''}`} data-testid={`incident-tab-${i.id}`} onClick={() => incidentUi.getState().select(i.id)}>
            <LevelChip level={i.level} /> <b>{t(`incident.type.${i.type}`)}</b> <span className="dim">{i.id}</span> <span className="mono">{formatDuration(now - i.openedAt)}</span>
            {i.state === 'contained' && <span className="incident-contained">{t('incident.state.contained')}</span>}
          </button>
        ))}
        {inc && (
          <button className="incident-open-btn" data-testid="incident-trace" title={t('trace.openTitle')} onClick={() => openTrace({ kind: 'incident', id: inc.id })}>
            ⌕ {t('trace.open')}
          </button>
        )}
        <button className="incident-open-btn" data-testid="incident-open" onClick={() => setOpening(true)}>
          ＋ {t('incident.openByHand')}
        </button>
      </nav>
      <ClosedIncidents em={em} lang={lang} />
      {opening && <OpenIncidentForm onClose={() => setOpening(false)} />}
      {inc && (
        <>
          <IncidentHeader inc={inc} now={now} lang={lang} />
          <div className="incident-grid">
            <ChecklistView inc={inc} now={now} lang={lang} />
            <RiskMusterView inc={inc} now={now} />
            <DispatchBoard inc={inc} now={now} lang={lang} />
            <CommandLog inc={inc} now={now} lang={lang} />
          </div>
        </>
      )}
    </div>
  );
}
