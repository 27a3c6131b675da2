import type { CommandName } from '../../../shared/protocol/commands';
import type { CommandOutcome, DataSource } from '../data/DataSource';

/** Why a wall refuses; shown nowhere (a wall has no controls), returned to any caller. */
export const WALL_READ_ONLY = 'wall mode is read-only: no command is sent from a wall display';

/**
 * A data source that delivers everything its inner source does and sends nothing: every
 * command is refused locally (`forbidden`, never sent), and `capabilities.commands` is false so
 * the command registry disables whatever might ask. The wall's second lock besides rendering
 * no controls at all. Reads delegate to the inner source, bound to it.
 */
export function readOnlySource(inner: DataSource): DataSource {
  const refuse = (name: CommandName): Promise<CommandOutcome> => Promise.resolve({ ok: false, code: 'forbidden', message: `${name}: ${WALL_READ_ONLY}`, local: true });
  const ro: DataSource = {
    capabilities: Object.freeze({ ...inner.capabilities, commands: false }),
    start: (l) => inner.start(l),
    stop: () => inner.stop(),
    now: () => inner.now(),
    presence: () => inner.presence(),
    recent: (tag, s) => inner.recent(tag, s),
    retry: () => inner.retry(),
    command: refuse,
  };
  const reads = ['history', 'alarmKpi', 'peopleList', 'zones', 'hazardStats', 'alarmActivations', 'incidentApi'] as const;
  for (const k of reads) {
    const fn = inner[k];
    if (typeof fn === 'function') Object.assign(ro, { [k]: (fn as (...a: unknown[]) => unknown).bind(inner) });
  }
  return Object.freeze(ro);
}
