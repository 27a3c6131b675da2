import { useTranslation } from 'react-i18next';
import { hazardGrades, hazardSources, hazardStates, type HazardRecord } from '../../../../shared/hazard/model';
import { peopleById, personName } from '../../hazard/hazardPeople';
import { hazardUi, useHazardUi } from '../../hazard/hazardUi';
import { formatDuration, hazardRows, isOverdue, timeLeft, type GradeFilter, type StateFilter } from '../../hazard/hazardView';
import { usePeopleRegistry } from '../../people/peopleRegistry';
import { usePlant } from '../../stores/plantStore';
import { useUi } from '../../stores/uiStore';
import { shortTime } from './hazardText';

/**
 * Work orders, open first, overdue on top, then by deadline. Rows are grey; only a major grade
 * and overdue take colour, and overdue also gets a bar, bold text and the word itself.
 */
export function HazardList({ hazards, now }: { hazards: Record<string, HazardRecord> | undefined; now: number }): React.JSX.Element {
  const { t } = useTranslation();
  const lang = useUi((s) => s.lang);
  const plant = usePlant((s) => s.plant);
  const filter = useHazardUi((s) => s.filter);
  const selected = useHazardUi((s) => s.selected);
  const byIndex = usePeopleRegistry((s) => s.byIndex);
  const people = peopleById(byIndex);
  const rows = hazardRows(Object.values(hazards ?? {}), filter, now);
  const tz = plant?.meta.timezone;
  const set = hazardUi.getState().setFilter;
  return (
    <div className="hazard-list">
      <div className="hazard-filters" data-testid="hazard-filters">
        <label>
          {t('hazard.filter.state')}
          <select value={filter.state} onChange={(e) => set({ state: e.target.value as StateFilter })} data-testid="hazard-filter-state">
            <option value="open">{t('hazard.filter.open')}</option>
            <option value="all">{t('hazard.filter.all')}</option>
            {hazardStates.map((s) => (
              <option key={s} value={s}>
                {t(`hazard.state.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('hazard.filter.grade')}
          <select value={filter.grade} onChange={(e) => set({ grade: e.target.value as GradeFilter })} data-testid="hazard-filter-grade">
            <option value="all">{t('hazard.filter.all')}</option>
            {hazardGrades.map((g) => (
              <option key={g} value={g}>
                {t(`hazard.grade.${g}`)}
              </option>
            ))}
            <option value="ungraded">{t('hazard.grade.none')}</option>
          </select>
        </label>
        <label>
          {t('hazard.filter.source')}
          <select value={filter.source} onChange={(e) => set({ source: e.target.value as typeof filter.source })} data-testid="hazard-filter-source">
            <option value="all">{t('hazard.filter.all')}</option>
            {hazardSources.map((s) => (
              <option key={s} value={s}>
                {t(`hazard.source.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('hazard.filter.area')}
          <select value={filter.area} onChange={(e) => set({ area: e.target.value })} data-testid="hazard-filter-area">
            <option value="all">{t('hazard.filter.all')}</option>
            {plant?.areas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name[lang]}
              </option>
            ))}
          </select>
        </label>
        <label className="hazard-check">
          <input type="checkbox" checked={filter.overdueOnly} onChange={(e) => set({ overdueOnly: e.target.checked })} data-testid="hazard-filter-overdue" />
          {t('hazard.filter.overdueOnly')}
        </label>
      </div>
      <div className="hazard-table-wrap">
        <table className="hazard-table" data-testid="hazard-table">
          <thead>
            <tr>
              <th>{t('hazard.col.id')}</th>
              <th>{t('hazard.col.title')}</th>
              <th>{t('hazard.col.grade')}</th>
              <th>{t('hazard.col.state')}</th>
              <th>{t('hazard.col.assignee')}</th>
              <th>{t('hazard.col.deadline')}</th>
              <th>{t('hazard.col.left')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((h) => {
              const overdue = isOverdue(h, now);
              const left = timeLeft(h, now);
              const cls = ['hazard-row', overdue ? 'overdue' : '', h.grade === 'major' ? 'major' : '', h.id === selected ? 'selected' : '', h.state === 'closed' || h.state === 'dismissed' ? 'done' : ''].filter(Boolean).join(' ');
              return (
                <tr key={h.id} className={cls} data-testid={`hazard-row-${h.id}`} data-state={h.state} data-overdue={overdue} onClick={() => hazardUi.getState().select(h.id === selected ? null : h.id)}>
                  <td className="hazard-id">
                    {h.id}
                    {h.drill && <span className="hazard-drill">{t('hazard.drill')}</span>}
                  </td>
                  <td className="hazard-title">{h.title[lang]}</td>
                  <td>
                    <span className={`hazard-grade grade-${h.grade ?? 'none'}`}>{t(`hazard.grade.${h.grade ?? 'none'}`)}</span>
                  </td>
                  <td>{t(`hazard.state.${h.state}`)}</td>
                  <td>{personName(people, h.assignee, lang) ?? <span className="dim">{t('hazard.unassigned')}</span>}</td>
                  <td className="num">{h.deadline === null ? '—' : shortTime(h.deadline, lang, tz)}</td>
                  <td className="hazard-left">
                    {left.kind === 'overdue' ? (
                      <span className="hazard-overdue-tag">
                        ⚠ {t('hazard.overdueTag')} {formatDuration(left.ms, lang)}
                      </span>
                    ) : left.kind === 'left' ? (
                      formatDuration(left.ms, lang)
                    ) : left.kind === 'none' ? (
                      <span className="dim">{t('hazard.noDeadline')}</span>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {rows.length === 0 && <div className="hazard-empty">{t('hazard.empty')}</div>}
      </div>
    </div>
  );
}
