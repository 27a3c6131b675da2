import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrillRecord } from '../../../../shared/drill/scenario';
import { useAlarmConsole } from '../../app/AlarmContext';
import { useConsole } from '../../app/ConsoleContext';
import { drillApi, type ScenarioSummary } from '../../drill/drillApi';
import { drillElapsedMs, formatDrillClock } from '../../drill/drillClock';
import { canCoordinate, drillUi } from '../../drill/drillUi';
import { useCommandState } from '../../stores/commandStore';
import { useUi } from '../../stores/uiStore';
import { useTicker } from '../useTicker';

/**
 * The drill coordinator's panel (dock tab, drill_coordinator and admin only): pick a scenario
 * and start it; pause, resume or stop the running drill and follow its steps on a progress
 * line; open the score card or the after-action review of finished drills.
 */
export function DrillPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const role = useUi((s) => s.user?.role);
  const active = useCommandState((s) => s.drill.active);
  const recent = useCommandState((s) => s.drill.recent);
  const lang = useUi((s) => s.lang);
  const [scenarios, setScenarios] = useState<ScenarioSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pick, setPick] = useState('');
  useEffect(() => {
    const api = drillApi();
    if (!api) return setError(t('drill.noServer'));
    void api.scenarios().then((r) => {
      if (r.ok) {
        setScenarios(r.data);
        setPick((p) => p || (r.data[0]?.id ?? ''));
      } else setError(r.message);
    });
  }, [t]);
  if (!canCoordinate(role)) return <div className="drill-panel drill-empty">{t('drill.coordinatorOnly')}</div>;
  const scenario = scenarios?.find((s) => s.id === (active?.scenario ?? pick)) ?? null;
  return (
    <div className="drill-panel" data-testid="drill-panel">
      <div className="drill-col">
        <h3>{t('drill.scenarios')}</h3>
        {error && <div className="drill-error">{t('drill.readError', { reason: error })}</div>}
        {!scenarios && !error && <div className="drill-empty">{t('drill.loading')}</div>}
        {scenarios && (
          <ul className="drill-scenarios" role="listbox" aria-label={t('drill.scenarios')}>
            {scenarios.map((s) => (
              <li key={s.id} role="option" aria-selected={pick === s.id} className={pick === s.id ? 'on' : ''} data-testid={`drill-scenario-${s.id}`} onClick={() => setPick(s.id)}>
                <b>{s.name[lang]}</b>
                {s.durationS !== undefined && <span className="drill-dim"> · {formatDrillClock(s.durationS * 1000)}</span>}
                {s.description && <div className="drill-dim">{s.description[lang]}</div>}
              </li>
            ))}
          </ul>
        )}
        <Controls active={active} pick={pick} />
      </div>
      <div className="drill-col">
        {active ? <Progress drill={active} scenario={scenario} /> : <div className="drill-empty">{t('drill.none')}</div>}
        <h3>{t('drill.recent')}</h3>
        <ul className="drill-recent">
          {[...recent].reverse().map((r) => (
            <li key={r.drill.id} data-testid={`drill-recent-${r.drill.id}`}>
              <span>
                {r.drill.id} · {r.drill.name[lang]} · {t(`drill.state.${r.drill.state}`)}
              </span>
              <span className="drill-score-mini">{r.score ? `${Math.round(r.score.score)}` : '…'}</span>
              <button onClick={() => drillUi.getState().openScore(r.drill.id)}>{t('drill.scoreCard')}</button>
              <button onClick={() => drillUi.getState().openReview(r.drill.id)}>{t('drill.review')}</button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function Controls({ active, pick }: { active: DrillRecord | null; pick: string }): React.JSX.Element {
  const { t } = useTranslation();
  const ac = useAlarmConsole();
  const [busy, setBusy] = useState(false);
  const run = (p: Promise<unknown>): void => {
    setBusy(true);
    void p.finally(() => setBusy(false));
  };
  const why = (name: 'drill.start' | 'drill.pause' | 'drill.resume' | 'drill.stop'): string | undefined => {
    const a = ac.commands.availability(name);
    return a.ok ? undefined : t(`drill.unavailable.${a.reason}`);
  };
  if (!active)
    return (
      <div className="drill-controls">
        <button className="drill-primary" data-testid="drill-start" disabled={busy || !pick || !!why('drill.start')} title={why('drill.start')} onClick={() => run(ac.commands.run('drill.start', { scenario: pick }))}>
          ▶ {t('drill.start')}
        </button>
      </div>
    );
  return (
    <div className="drill-controls">
      {active.state === 'running' ? (
        <button data-testid="drill-pause" disabled={busy || !!why('drill.pause')} title={why('drill.pause')} onClick={() => run(ac.commands.run('drill.pause', {}))}>
          ❚❚ {t('drill.pause')}
        </button>
      ) : (
        <button data-testid="drill-resume" disabled={busy || !!why('drill.resume')} title={why('drill.resume')} onClick={() => run(ac.commands.run('drill.resume', {}))}>
          ▶ {t('drill.resume')}
        </button>
      )}
      <button data-testid="drill-stop" disabled={busy || !!why('drill.stop')} title={why('drill.stop')} onClick={() => window.confirm(t('drill.stopConfirm')) && run(ac.commands.run('drill.stop', {}))}>
        ■ {t('drill.stop')}
      </button>
    </div>
  );
}

/** The scenario's steps on a line against the drill clock: done, next, and to come. */
function Progress({ drill, scenario }: { drill: DrillRecord; scenario: ScenarioSummary | null }): React.JSX.Element {
  const { t } = useTranslation();
  const lang = useUi((s) => s.lang);
  const controller = useConsole();
  useTicker(500);
  const elapsedS = drillElapsedMs(drill, controller.now()) / 1000;
  const steps = scenario?.timeline ?? [];
  const total = Math.max(scenario?.durationS ?? 0, ...steps.map((s) => s.atS), elapsedS, 1);
  return (
    <div className="drill-progress" data-testid="drill-progress" data-next-step={drill.nextStep}>
      <h3>
        {t('drill.running', { id: drill.id })} · T+{formatDrillClock(elapsedS * 1000)}
        {scenario?.durationS !== undefined && ` / ${formatDrillClock(scenario.durationS * 1000)}`}
      </h3>
      <div className="drill-line">
        <div className="drill-line-fill" style={{ width: `${Math.min(100, (elapsedS / total) * 100)}%` }} />
        {steps.map((s, i) => (
          <span key={i} className={`drill-step${i < drill.nextStep ? ' done' : i === drill.nextStep ? ' next' : ''}`} style={{ left: `${(s.atS / total) * 100}%` }} title={`T+${formatDrillClock(s.atS * 1000)} ${t(`drill.do.${s.action.do}`, { defaultValue: s.action.do })}`} />
        ))}
      </div>
      <ol className="drill-steps">
        {steps.map((s, i) => (
          <li key={i} className={i < drill.nextStep ? 'done' : i === drill.nextStep ? 'next' : ''}>
            <span className="drill-dim">T+{formatDrillClock(s.atS * 1000)}</span> {t(`drill.do.${s.action.do}`, { defaultValue: s.action.do })} {stepDetail(s.action, lang)}
          </li>
        ))}
      </ol>
    </div>
  );
}

function stepDetail(a: { do: string } & Record<string, unknown>, lang: 'zh' | 'en'): string {
  const text = a.text as { zh: string; en: string } | undefined;
  if (text) return text[lang];
  const inj = a.injection as { kind?: string; type?: string } | undefined;
  if (inj) return inj.kind ?? inj.type ?? '';
  if (a.wind && typeof a.wind === 'object') {
    const w = a.wind as { speedMS: number; fromDeg: number };
    return `${w.speedMS} m/s ${w.fromDeg}°`;
  }
  return typeof a.id === 'string' ? a.id : '';
}
