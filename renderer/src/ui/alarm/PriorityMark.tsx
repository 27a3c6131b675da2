import { useTranslation } from 'react-i18next';
import type { AlarmDisplayState, Priority } from '../../../../shared/alarm/model';
import { hiddenMarks, isHiddenState, priorityStyles } from '../../alarm/alarmStyle';

/**
 * The one mark of an alarm everywhere in text: its priority's shape in its colour, with the
 * number — or the grey mark of the state that hides it. Never colour alone.
 */
export function PriorityMark({ priority, state, size = 'md' }: { priority: Priority; state?: AlarmDisplayState; size?: 'md' | 'lg' }): React.JSX.Element {
  const { t } = useTranslation();
  if (state && isHiddenState(state)) {
    const m = hiddenMarks[state];
    return (
      <span className={`prio-mark prio-hidden prio-${size}`} title={t(`alarmState.${state}`)} data-priority={priority} data-hidden={state}>
        <span className="prio-glyph" style={{ color: m.css }} aria-hidden="true">
          {m.glyph}
        </span>
        <span className="prio-num">{priority}</span>
      </span>
    );
  }
  const s = priorityStyles[priority];
  return (
    <span className={`prio-mark prio-${size}`} title={t(`priority.p${priority}`)} data-priority={priority} style={{ background: s.css, color: s.ink }}>
      <span className="prio-glyph" aria-hidden="true">
        {s.glyph}
      </span>
      <span className="prio-num">{priority}</span>
    </span>
  );
}
