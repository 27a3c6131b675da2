import { useTranslation } from 'react-i18next';
import { useConsole } from '../../app/ConsoleContext';
import { readRobot } from '../../robots/readRobot';
import { robotUi, useRobotUi } from '../../robots/robotUi';
import { useCommandState } from '../../stores/commandStore';
import { usePlant } from '../../stores/plantStore';
import { robotStore, useRobotsVersion } from '../../stores/robotStore';
import { useUi } from '../../stores/uiStore';
import { BatteryBar, RobotStateChip } from './RobotBits';

/** The selected robot over the map's top left (under a person's card): who, state, battery, and the follow toggle. */
export function RobotCard(): React.JSX.Element | null {
  const { t } = useTranslation();
  const controller = useConsole();
  const selected = useRobotUi((s) => s.selected);
  const follow = useRobotUi((s) => s.follow);
  const lang = useUi((s) => s.lang);
  const plant = usePlant((s) => s.plant);
  const work = useCommandState((s) => s.work);
  useRobotsVersion();
  if (selected < 0 || !plant) return null;
  const r = readRobot(selected, robotStore, plant, work, lang, controller.now());
  if (!r) return null;
  const known = robotStore.present[selected] === 1;
  return (
    <div className="person-card robot-card" data-testid="robot-card">
      <div className="person-card-head">
        <strong>{r.name}</strong> <span className="person-id">{r.id}</span>
        <button className="person-close" aria-label={t('people.close')} onClick={() => robotUi.getState().select(-1)}>
          ×
        </button>
      </div>
      <div className="robot-line">
        <RobotStateChip state={r.state} look={r.look} /> <BatteryBar battery={r.battery} />
      </div>
      <div className="person-card-meta">
        {t('robots.next')}: {r.next ? `${r.next.id} (${r.next.equipment})` : '—'}
      </div>
      <label className="person-follow">
        <input type="checkbox" data-testid="robot-follow" checked={follow} disabled={!known} onChange={(e) => robotUi.getState().setFollow(e.target.checked)} /> {t('robots.follow')}
      </label>
    </div>
  );
}
