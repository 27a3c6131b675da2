import { useTranslation } from 'react-i18next';
import type { ReadingRow, RobotLook } from '../../robots/robotView';
import { robotLookStyles } from '../../robots/robotView';
import type { RobotCardView } from '../../robots/readRobot';
import type { RobotState } from '../../../../shared/robots/model';

const num = (v: number): string => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1));

/** State word with its look: a grey chip while normal, the look's colour and a mark when abnormal. */
export function RobotStateChip({ state, look }: { state: RobotState | null; look: RobotLook }): React.JSX.Element {
  const { t } = useTranslation();
  const s = robotLookStyles[look];
  return (
    <span className={`robot-state${s.abnormal ? ' abnormal' : ''}`} data-testid="robot-state" data-look={look} style={s.abnormal ? { borderColor: s.css, boxShadow: `inset 4px 0 0 ${s.css}` } : undefined}>
      {s.abnormal && <span aria-hidden="true">▲ </span>}
      {state ? t(`robots.state.${state}`) : t('robots.noStatus')}
      {look !== 'normal' && (look as string) !== state && ` · ${t(`robots.look.${look}`)}`}
    </span>
  );
}

/** Battery as a bar with its percentage; amber and marked when low. */
export function BatteryBar({ battery }: { battery: RobotCardView['battery'] }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <span className={`robot-battery${battery.low ? ' low' : ''}`} data-testid="robot-battery" title={t('robots.battery')}>
      <span className="robot-battery-bar" aria-hidden="true">
        <span style={{ width: `${Math.round(battery.share * 100)}%` }} />
      </span>
      <span className="robot-battery-text">
        {battery.low && '⚠ '}
        {battery.text}
      </span>
    </span>
  );
}

/** One reading against its standard: value with unit, the limit, and a verdict mark. */
export function Reading({ r }: { r: ReadingRow }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <span className={`robot-reading verdict-${r.verdict}`} data-testid="robot-reading" data-sensor={r.sensor} data-verdict={r.verdict}>
      <span className="robot-reading-sensor">{t(`robots.sensor.${r.sensor}`, { defaultValue: r.sensor })}</span>{' '}
      <strong>{num(r.value)}</strong> <span className="unit">{r.unit}</span>
      {r.limit !== null && (
        <span className="robot-reading-limit">
          {' '}
          {r.verdict === 'ok' ? '<' : '≥'} {num(r.limit)} {r.verdict === 'ok' ? '✓' : r.verdict === 'major' ? `⚠ ${t('robots.verdict.major')}` : `⚠ ${t('robots.verdict.over')}`}
        </span>
      )}
    </span>
  );
}
