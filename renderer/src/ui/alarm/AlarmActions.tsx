import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandName } from '../../../../shared/protocol/commands';
import { useAlarmConsole } from '../../app/AlarmContext';
import type { AlarmRow } from '../../alarm/alarmView';
import { alarmStore, useAlarms } from '../../stores/alarmStore';
import { useCommandState } from '../../stores/commandStore';
import { useUi } from '../../stores/uiStore';
import { AckDialog } from './AckDialog';
import { ShelveDialog } from './ShelveDialog';

/**
 * What the operator can do to the selected alarm (ack, shelve, unshelve, reset, locate) and to
 * the page of alarms in view (ack page). Buttons the user may not use now are disabled and say
 * why (offline, not allowed for the role); the server still decides and its refusals are shown.
 */
export function AlarmActions({ selected, page, onLocate }: { selected: string | null; page: readonly AlarmRow[]; onLocate: (id: string) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const ac = useAlarmConsole();
  useUi((s) => s.presence);
  useUi((s) => s.user);
  const row = useAlarms((s) => (selected ? s.summary.byId.get(selected) : undefined));
  const flooding = useCommandState((s) => s.flood.flooding);
  const floodView = useAlarms((s) => s.floodView);
  const [dialog, setDialog] = useState<null | { kind: 'ack'; ids: string[] } | { kind: 'shelve'; id: string }>(null);

  const gate = (name: CommandName): { disabled: boolean; title: string | undefined } => {
    const a = ac.commands.availability(name);
    return a.ok ? { disabled: false, title: undefined } : { disabled: true, title: t(`cmdAvail.${a.reason}`) };
  };
  const l = row?.alarm.lifecycle;
  const pageIds = page.filter((r) => r.attention).map((r) => r.alarm.id);
  const ack = gate('alarm.ack');
  const shelve = gate('alarm.shelve');
  const unshelve = gate('alarm.unshelve');
  const reset = gate('alarm.reset');

  return (
    <div className="alarm-actions" data-testid="alarm-actions">
      <span className="alarm-actions-sel">{row ? row.alarm.id : t('alarmList.noSelection')}</span>
      <button data-testid="act-ack" disabled={!row || !row.attention || ack.disabled} title={ack.title} onClick={() => row && setDialog({ kind: 'ack', ids: [row.alarm.id] })}>
        {t('cmd.ack')}
      </button>
      <button data-testid="act-ack-page" disabled={pageIds.length === 0 || ack.disabled} title={ack.title ?? t('alarmList.ackPageTitle')} onClick={() => setDialog({ kind: 'ack', ids: pageIds })}>
        {t('alarmList.ackPage', { n: pageIds.length })}
      </button>
      {l?.shelved ? (
        <button data-testid="act-unshelve" disabled={unshelve.disabled} title={unshelve.title} onClick={() => row && void ac.commands.run('alarm.unshelve', { alarmId: row.alarm.id })}>
          {t('cmd.unshelve')}
        </button>
      ) : (
        <button data-testid="act-shelve" disabled={!row || l?.outOfService !== null || shelve.disabled} title={shelve.title} onClick={() => row && setDialog({ kind: 'shelve', id: row.alarm.id })}>
          {t('cmd.shelve')}
        </button>
      )}
      <button data-testid="act-reset" disabled={!l || !l.latched || l.active || reset.disabled} title={reset.title ?? t('alarmList.resetTitle')} onClick={() => row && void ac.commands.run('alarm.reset', { alarmId: row.alarm.id })}>
        {t('cmd.reset')}
      </button>
      <button data-testid="act-locate" disabled={!row} onClick={() => row && onLocate(row.alarm.id)}>
        ⊙ {t('alarmList.locate')}
      </button>
      {(flooding || floodView) && (
        <button data-testid="flood-view" className={floodView ? 'active' : ''} aria-pressed={floodView} onClick={() => alarmStore.getState().setFloodView(!floodView)}>
          {floodView ? t('flood.flatList') : t('flood.groupedList')}
        </button>
      )}
      {dialog?.kind === 'ack' && <AckDialog ids={dialog.ids} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'shelve' && <ShelveDialog alarmId={dialog.id} onClose={() => setDialog(null)} />}
    </div>
  );
}
