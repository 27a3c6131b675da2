import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAlarmConsole } from '../../app/AlarmContext';
import { useConsole } from '../../app/ConsoleContext';
import { readRobot, type RobotCardView } from '../../robots/readRobot';
import { robotLook, robotLookStyles } from '../../robots/robotView';
import { robotUi } from '../../robots/robotUi';
import { commandStore, useCommandState } from '../../stores/commandStore';
import { usePlant } from '../../stores/plantStore';
import { robotStore, useRobotsVersion } from '../../stores/robotStore';
import { useUi } from '../../stores/uiStore';
import { useTicker } from '../useTicker';
import { BatteryBar, Reading, RobotStateChip } from './RobotBits';
import { formatTime } from './robotFormat';

/** How many findings each robot's card lists (the newest). */
const FINDINGS_SHOWN = 4;

/** Robots that need someone now (fault, low battery, investigating, silent): the dock tab's badge. */
export function useRobotAttention(): number {
  const controller = useConsole();
  useRobotsVersion();
  useTicker(5000);
  const work = useCommandState((s) => s.work);
  const now = controller.now();
  let n = 0;
  robotStore.defs.forEach((d, i) => {
    if (robotLookStyles[robotLook(d, robotStore.statuses[i] ?? null, now, work?.robots[d.id]?.state)].abnormal) n++;
  });
  return n;
}

/**
 * Inspection robots (巡检机器人): per robot its state, battery, where it is on its route, its
 * last readings against the plant's standards, its recent findings (from the journal, each
 * with a link that flies the map there), and — for leads — "send to checkpoint" (robot.goto),
 * disabled with the reason for everyone else.
 */
export function RobotsPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const controller = useConsole();
  const plant = usePlant((s) => s.plant);
  const lang = useUi((s) => s.lang);
  const work = useCommandState((s) => s.work);
  useRobotsVersion();
  useTicker(1000);
  if (!plant || robotStore.defs.length === 0) {
    return (
      <div className="robots-panel" data-testid="robots-panel">
        <div className="tooltip-meta">{t('robots.none')}</div>
      </div>
    );
  }
  const now = controller.now();
  const views = robotStore.defs.map((_, i) => readRobot(i, robotStore, plant, work, lang, now)!);
  return (
    <div className="robots-panel" data-testid="robots-panel">
      {views.map((r) => (
        <RobotSection key={r.id} r={r} lang={lang} />
      ))}
    </div>
  );
}

function RobotSection({ r, lang }: { r: RobotCardView; lang: 'zh' | 'en' }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <section className={`robot-section${r.abnormal ? ' abnormal' : ''}`} data-testid={`robot-${r.id}`} data-state={r.state ?? ''} data-look={r.look}>
      <div className="robot-section-head">
        <button className="link robot-name" onClick={() => robotUi.getState().select(r.index)} title={t('robots.select')}>
          {r.name}
        </button>
        <span className="person-id">{r.id}</span>
      </div>
      <div className="robot-model" title={r.model}>
        {r.model}
      </div>
      <div className="robot-line">
        <RobotStateChip state={r.state} look={r.look} /> <BatteryBar battery={r.battery} />
      </div>
      <div className="tooltip-meta" data-testid="robot-route">
        {r.at && `${t('robots.at')}: ${r.at.id} (${r.at.equipment}) · `}
        {t('robots.next')}: {r.next ? `${r.next.id} (${r.next.equipment})` : '—'}
        {r.ageS !== null && ` · ${t('robots.ago', { s: r.ageS })}`}
      </div>
      <div className="robot-readings">
        {r.readings.length === 0 ? <span className="tooltip-meta">{t('robots.noReadings')}</span> : r.readings.map((x) => <Reading key={x.sensor} r={x} />)}
      </div>
      <h4>{t('robots.findings')}</h4>
      {r.findings.length === 0 ? (
        <div className="tooltip-meta">{t('robots.noFindings')}</div>
      ) : (
        <ul className="robot-findings">
          {r.findings.slice(0, FINDINGS_SHOWN).map((f) => (
            <li key={f.id} data-testid="robot-finding">
              <button className="link" onClick={() => robotUi.getState().locateAt(f.position)} title={t('robots.locate')}>
                ⊙ {f.checkpoint}
              </button>{' '}
              {t(`robots.sensor.${f.sensor}`, { defaultValue: f.sensor })} {f.value.toFixed(1)} {f.unit} ≥ {f.limit} {f.major && <strong>{t('robots.verdict.major')}</strong>}
              <span className="tooltip-meta"> · {formatTime(f.at, lang)}</span>
            </li>
          ))}
        </ul>
      )}
      <GotoAction r={r} />
    </section>
  );
}

/** "Send to checkpoint" (robot.goto): leads only; disabled with the reason otherwise. */
function GotoAction({ r }: { r: RobotCardView }): React.JSX.Element {
  const { t } = useTranslation();
  const ac = useAlarmConsole();
  useUi((s) => s.presence);
  useUi((s) => s.user);
  const [checkpoint, setCheckpoint] = useState(r.route[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const a = ac.commands.availability('robot.goto');
  const reason = a.ok ? undefined : t(`cmdAvail.${a.reason}`);
  const faulted = commandStore.getState().state.work?.robots[r.id]?.state === 'fault' || r.state === 'fault';
  return (
    <div className="robot-goto">
      <select value={checkpoint} onChange={(e) => setCheckpoint(e.target.value)} aria-label={t('robots.checkpoint')} data-testid="robot-goto-checkpoint">
        {r.route.map((c) => (
          <option key={c.id} value={c.id}>
            {c.id}
          </option>
        ))}
      </select>
      <button
        data-testid="robot-goto"
        disabled={!a.ok || busy || faulted}
        title={reason ?? (faulted ? t('robots.faulted') : t('robots.gotoTitle'))}
        onClick={() => {
          setBusy(true);
          void ac.commands.run('robot.goto', { robotId: r.id, checkpoint }).finally(() => setBusy(false));
        }}
      >
        {t('robots.goto')}
      </button>
      {reason && <span className="tooltip-meta robot-goto-reason">{reason}</span>}
    </div>
  );
}
