import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { priorities } from '../../../../shared/alarm/model';
import { priorityStyles } from '../../alarm/alarmStyle';
import { floodGroups, type AlarmRow } from '../../alarm/alarmView';
import { alarmStore } from '../../stores/alarmStore';
import { usePlant } from '../../stores/plantStore';
import { useUi } from '../../stores/uiStore';
import { PriorityMark } from './PriorityMark';

/** Rows shown under an opened group; the rest are one click away in the flat list filtered to the area. */
const GROUP_ROWS = 12;

/**
 * Flood-mode list: one line per area (highest priority first, then the biggest), with its
 * counts per priority, so an operator facing thousands of alarms sees where they come from and
 * works one area at a time.
 */
export function FloodList({ rows }: { rows: readonly AlarmRow[] }): React.JSX.Element {
  const { t } = useTranslation();
  const lang = useUi((s) => s.lang);
  const plant = usePlant((s) => s.plant);
  const groups = useMemo(() => floodGroups(rows), [rows]);
  const [open, setOpen] = useState<string | null>(null);
  const names = useMemo(() => new Map((plant?.areas ?? []).map((a) => [a.id, a.name[lang]])), [plant, lang]);
  return (
    <div className="flood-list" data-testid="flood-list" data-groups={groups.length}>
      {groups.map((g) => (
        <div key={g.area} className="flood-group" data-testid="flood-group" data-area={g.area}>
          <button className="flood-group-head" aria-expanded={open === g.area} onClick={() => setOpen(open === g.area ? null : g.area)}>
            <PriorityMark priority={g.top} />
            <span className="flood-area">{names.get(g.area) ?? g.area}</span>
            <span className="flood-counts">
              {priorities.map((p) => (
                <span key={p} className={`flood-count${g.counts[p] ? '' : ' zero'}`}>
                  <span style={{ color: g.counts[p] ? priorityStyles[p].css : undefined }} aria-hidden="true">
                    {priorityStyles[p].glyph}
                  </span>
                  {g.counts[p]}
                </span>
              ))}
            </span>
            <span className="flood-total">{t('flood.groupTotal', { n: g.total, unacked: g.unacked })}</span>
          </button>
          {open === g.area && (
            <div className="flood-rows">
              {g.rows.slice(0, GROUP_ROWS).map((r) => (
                <div key={r.alarm.id} className="flood-row" onClick={() => alarmStore.getState().select(r.alarm.id)}>
                  <PriorityMark priority={r.alarm.priority} state={r.state} /> <span className="c-source">{r.alarm.source}</span> {r.alarm.message[lang]}
                </div>
              ))}
              <button
                className="flood-more"
                onClick={() => {
                  alarmStore.getState().setFilter({ area: g.area });
                  alarmStore.getState().setFloodView(false);
                }}
              >
                {t('flood.showArea', { n: g.total })}
              </button>
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
