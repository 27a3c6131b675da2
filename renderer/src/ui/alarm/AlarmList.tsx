import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { filterRows, type AlarmRow } from '../../alarm/alarmView';
import { alarmStore, useAlarms } from '../../stores/alarmStore';
import { usePlant } from '../../stores/plantStore';
import { useUi } from '../../stores/uiStore';
import { formatClock } from '../format';
import { AlarmActions } from './AlarmActions';
import { AlarmFilters } from './AlarmFilters';
import { alarmLimitText, alarmValueText } from './alarmText';
import { FloodList } from './FloodList';
import { PriorityMark } from './PriorityMark';
import { VirtualRows } from './VirtualRows';

export const ROW_HEIGHT = 27;

/**
 * The operator's alarm list (ISA-18.2 / EEMUA 191): priority first, newest first within a
 * priority; filters by area, state and priority; virtualised, so 10,000 alarms scroll as fast as
 * ten. Click selects (and rings the alarm on the map); double-click flies the map to it. In a
 * flood it offers the flood-mode list, grouped by area.
 */
export function AlarmList({ onLocate }: { onLocate: (id: string) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const lang = useUi((s) => s.lang);
  const plant = usePlant((s) => s.plant);
  const rows = useAlarms((s) => s.summary.rows);
  const filter = useAlarms((s) => s.filter);
  const selected = useAlarms((s) => s.selected);
  const floodView = useAlarms((s) => s.floodView);
  const shown = useMemo(() => filterRows(rows, filter), [rows, filter]);
  const [visible, setVisible] = useState<[number, number]>([0, 0]);
  const onVisible = useCallback((a: number, b: number) => setVisible([a, b]), []);
  const selectedIndex = useMemo(() => (selected ? shown.findIndex((r) => r.alarm.id === selected) : -1), [shown, selected]);
  const areaName = useMemo(() => new Map((plant?.areas ?? []).map((a) => [a.id, a.name])), [plant]);
  const tz = plant?.meta.timezone;
  const page = useMemo(() => shown.slice(visible[0], visible[1]), [shown, visible]);

  const row = (i: number): React.ReactNode => {
    const r: AlarmRow = shown[i]!;
    const a = r.alarm;
    const isSel = a.id === selected;
    return (
      <div
        className={`alarm-row state-${r.state}${r.attention ? ' attention' : ''}${isSel ? ' selected' : ''}`}
        data-testid="alarm-row"
        data-alarm={a.id}
        data-state={r.state}
        aria-selected={isSel}
        onClick={() => alarmStore.getState().select(a.id)}
        onDoubleClick={() => onLocate(a.id)}
      >
        <span className="c-prio">
          <PriorityMark priority={a.priority} state={r.state} />
        </span>
        <span className="c-time">{formatClock(r.time, lang, tz, false)}</span>
        <span className="c-area">{areaName.get(a.area)?.[lang] ?? a.area}</span>
        <span className="c-source">{a.source}</span>
        <span className="c-msg">{a.message[lang]}</span>
        <span className="c-value">{alarmValueText(a)}</span>
        <span className="c-limit">{alarmLimitText(a)}</span>
        <span className="c-state">{t(`alarmState.${r.state}`)}</span>
      </div>
    );
  };

  return (
    <div className="alarm-list" data-testid="alarm-list" data-count={shown.length}>
      <div className="alarm-toolbar">
        <AlarmFilters />
        <span className="alarm-shown">{t('alarmList.shown', { n: shown.length, total: rows.length })}</span>
      </div>
      <AlarmActions selected={selected} page={page} onLocate={onLocate} />
      {floodView ? (
        <FloodList rows={rows} />
      ) : (
        <>
          <div className="alarm-row alarm-head" aria-hidden="true">
            <span className="c-prio">{t('alarmList.colPriority')}</span>
            <span className="c-time">{t('alarmList.colTime')}</span>
            <span className="c-area">{t('alarmList.area')}</span>
            <span className="c-source">{t('alarmList.colSource')}</span>
            <span className="c-msg">{t('alarmList.colMessage')}</span>
            <span className="c-value">{t('alarmList.colValue')}</span>
            <span className="c-limit">{t('alarmList.colLimit')}</span>
            <span className="c-state">{t('alarmList.state')}</span>
          </div>
          {shown.length === 0 ? (
            <div className="alarm-empty" data-testid="alarm-empty">
              {t('alarmList.empty')}
            </div>
          ) : (
            <VirtualRows count={shown.length} rowHeight={ROW_HEIGHT} row={row} scrollTo={selectedIndex} onVisible={onVisible} testId="alarm-rows" />
          )}
        </>
      )}
    </div>
  );
}
