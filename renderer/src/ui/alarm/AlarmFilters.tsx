import { useTranslation } from 'react-i18next';
import { priorities } from '../../../../shared/alarm/model';
import { priorityStyles } from '../../alarm/alarmStyle';
import { stateFilters, type StateFilter } from '../../alarm/alarmView';
import { alarmStore, useAlarms } from '../../stores/alarmStore';
import { usePlant } from '../../stores/plantStore';
import { useUi } from '../../stores/uiStore';

/** Area, state and priority filters of the alarm list. */
export function AlarmFilters(): React.JSX.Element {
  const { t } = useTranslation();
  const lang = useUi((s) => s.lang);
  const plant = usePlant((s) => s.plant);
  const areas = plant?.areas ?? [];
  const filter = useAlarms((s) => s.filter);
  const set = alarmStore.getState().setFilter;
  return (
    <div className="alarm-filters">
      <label>
        {t('alarmList.area')}
        <select data-testid="filter-area" value={filter.area ?? ''} onChange={(e) => set({ area: e.target.value || null })}>
          <option value="">{t('alarmList.allAreas')}</option>
          {areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name[lang]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('alarmList.state')}
        <select data-testid="filter-state" value={filter.state} onChange={(e) => set({ state: e.target.value as StateFilter })}>
          {stateFilters.map((s) => (
            <option key={s} value={s}>
              {t(`stateFilter.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <span className="filter-prios" role="group" aria-label={t('alarmList.priority')}>
        {priorities.map((p) => {
          const on = filter.priorities.includes(p);
          return (
            <button
              key={p}
              data-testid={`filter-p${p}`}
              aria-pressed={on}
              className={on ? 'active' : ''}
              title={t(`priority.p${p}`)}
              onClick={() => set({ priorities: on ? filter.priorities.filter((x) => x !== p) : [...filter.priorities, p].sort() })}
            >
              <span style={{ color: priorityStyles[p].css }} aria-hidden="true">
                {priorityStyles[p].glyph}
              </span>
              {p}
            </button>
          );
        })}
      </span>
    </div>
  );
}
