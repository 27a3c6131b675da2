import { useTranslation } from 'react-i18next';
import { useConsole } from '../../app/ConsoleContext';
import { readRobot } from '../../robots/readRobot';
import { useRobotUi } from '../../robots/robotUi';
import { useCommandState } from '../../stores/commandStore';
import { usePlant } from '../../stores/plantStore';
import { robotStore, useRobotsVersion } from '../../stores/robotStore';
import { useUi } from '../../stores/uiStore';
import { useTicker } from '../useTicker';
import { BatteryBar, Reading, RobotStateChip } from './RobotBits';
import './robots.css';

/** Follows the pointer over a robot: name, model, state, battery, next checkpoint, last readings, status age. */
export function RobotTooltip(): React.JSX.Element | null {
  const { t } = useTranslation();
  const controller = useConsole();
  const hover = useRobotUi((s) => s.hover);
  const lang = useUi((s) => s.lang);
  const plant = usePlant((s) => s.plant);
  const work = useCommandState((s) => s.work);
  useRobotsVersion();
  useTicker(1000, hover !== null);
  if (!hover || !plant) return null;
  const r = readRobot(hover.index, robotStore, plant, work, lang, controller.now());
  if (!r) return null;
  const flipX = hover.x > window.innerWidth - 380;
  const style = { left: flipX ? hover.x - 16 : hover.x + 16, top: hover.y + 16, transform: flipX ? 'translateX(-100%)' : undefined };
  return (
    <div className="tooltip robot-tooltip" style={style} data-testid="robot-tooltip" role="tooltip">
      <div className="tooltip-head">
        <span className="tag-id" data-testid="robot-name">
          {r.name}
        </span>
        <span className="person-id">{r.id}</span>
      </div>
      <div className="tooltip-desc">{r.model}</div>
      <div className="robot-line">
        <RobotStateChip state={r.state} look={r.look} /> <BatteryBar battery={r.battery} />
      </div>
      <div className="tooltip-meta" data-testid="robot-next">
        {r.at && `${t('robots.at')}: ${r.at.id} (${r.at.equipment}) · `}
        {t('robots.next')}: {r.next ? `${r.next.id} (${r.next.equipment})` : '—'}
      </div>
      {r.readings.length > 0 && (
        <div className="robot-readings">
          {r.readings.map((x) => (
            <div key={x.sensor}>
              <Reading r={x} /> <span className="tooltip-meta">@ {x.checkpoint}</span>
            </div>
          ))}
        </div>
      )}
      <div className="tooltip-meta" data-testid="robot-age">
        {t('robots.lastStatus')}: {r.ageS === null ? t('robots.never') : t('robots.ago', { s: r.ageS })}
      </div>
    </div>
  );
}
