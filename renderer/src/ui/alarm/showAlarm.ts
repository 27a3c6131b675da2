import { alarmStore } from '../../stores/alarmStore';
import { matches } from '../../alarm/alarmView';
import { defaultFilter } from '../../alarm/alarmView';

/**
 * Opens the alarm list with one alarm selected: the list's filter is widened back to the
 * default when it would hide the alarm, and the flood view is left for the flat list.
 */
export function showAlarm(id: string): void {
  const st = alarmStore.getState();
  const row = st.summary.byId.get(id);
  if (row && !matches(row, st.filter)) st.setFilter(row.annunciated ? defaultFilter : { ...defaultFilter, state: 'all' });
  st.setFloodView(false);
  st.openDock('alarms');
  st.select(id);
}
