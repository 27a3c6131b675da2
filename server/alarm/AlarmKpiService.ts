import { configuredAlarms } from '../../shared/alarm/configured';
import { kpiReport, priorityMix, staleAlarms, type Activation, type ConditionTransition, type KpiReport, type PriorityMix } from '../../shared/alarm/kpi';
import type { AlarmRecord } from '../../shared/alarm/model';
import type { AlarmSettings } from '../../shared/plant/alarmConfig';
import type { Plant } from '../../shared/plant/schema';
import type { CommandState } from '../../shared/state/reducer';
import type { Clock } from '../../shared/util/clock';
import { stateAt, StateNotAvailableError } from '../replay/stateAt';
import type { AlarmHistoryRepo, JournalRepo, SnapshotRepo } from '../store/types';

/** Most transitions one KPI request reads; beyond it the report covers the newest part only. */
export const KPI_MAX_ROWS = 2_000_000;
/** Longest KPI window, s (ISA-18.2 asks for ≥ 30 days of data). */
export const KPI_MAX_WINDOW_S = 31 * 86_400;
const STALE_LIST = 50;

export interface AlarmKpiResponse {
  /** The instant asked for (`at`), only on a report of a past instant (replay); absent on the live report. */
  at?: number;
  window: { from: number; to: number; seconds: number; truncated: boolean };
  /** Rates (overall and per area), EEMUA band, floods and % time in flood, chattering, top-10 bad actors, priority mix of activations. */
  report: KpiReport;
  /** Alarms active for ≥ `staleHours` at the window's end (oldest first, at most 50 listed). */
  stale: { count: number; alarms: Pick<AlarmRecord, 'id' | 'area' | 'priority' | 'activatedAt'>[] };
  /** Priority distribution of the plant's configured alarms. */
  configured: PriorityMix & { total: number };
  /** Flood state of the command state at the window's end (live: now). */
  flood: CommandState['flood'];
  kpiSettings: AlarmSettings['kpi'];
}

/**
 * Alarm KPIs over the journal (ISA-18.2 / EEMUA 191), from the shared kpi functions: the
 * activations counted are annunciated ones (not shelved, suppressed or out of service);
 * chattering looks at every condition transition, annunciated or not.
 */
export class AlarmKpiService {
  private configuredMix: (PriorityMix & { total: number }) | null = null;

  constructor(
    private readonly plant: Plant,
    private readonly settings: AlarmSettings,
    private readonly history: AlarmHistoryRepo,
    private readonly state: () => CommandState,
    private readonly clock: Clock,
    /** Journal and snapshots, to rebuild the state at a past instant (`report(w, at)`); without them only the live report is served. */
    private readonly store: { journal: JournalRepo; snapshots: SnapshotRepo } | null = null,
  ) {}

  /** Annunciated activation times in [from, to) (seeds the flood detector after a restart). */
  activationTimes(from: number, to: number): number[] {
    return this.history
      .transitions(from, to, KPI_MAX_ROWS)
      .filter((r) => r.cause === 'activate' && !r.hidden)
      .map((r) => r.time);
  }

  /**
   * The report over the `windowS` s ending now, or ending at the past instant `at` (replay): then
   * stale alarms, flood and drill windows come from the reducer state at `at` (stateAt), so the
   * answer equals what the live report said at that instant. Throws StateNotAvailableError when
   * the journal no longer holds (or never held) that instant; the caller checks `at` ≤ now.
   */
  report(windowS: number, at?: number): AlarmKpiResponse {
    const to = (at ?? this.clock.now()) + 1;
    const from = to - windowS * 1000;
    const state = at === undefined ? this.state() : this.stateAtInstant(at);
    // Drill time windows never count (docs/drills.md): the drill's alarms are rehearsal, not plant behaviour.
    const drills = drillWindows(state, to);
    const rows = this.history.transitions(from, to, KPI_MAX_ROWS).filter((r) => !inWindows(drills, r.time));
    const activations: Activation[] = [];
    const transitions: ConditionTransition[] = [];
    for (const r of rows) {
      if (r.cause === 'activate' || r.cause === 'clear') transitions.push({ alarmId: r.alarmId, time: r.time, active: r.cause === 'activate' });
      if (r.cause === 'activate' && !r.hidden) activations.push({ alarmId: r.alarmId, area: r.area, priority: r.priority, time: r.time });
    }
    const active = Object.values(state.alarms).filter((a) => a.lifecycle.active);
    const stale = staleAlarms(active, to, this.settings.kpi).sort((a, b) => (a.activatedAt ?? 0) - (b.activatedAt ?? 0));
    return {
      ...(at !== undefined ? { at } : {}),
      window: { from, to, seconds: windowS, truncated: rows.length >= KPI_MAX_ROWS },
      report: kpiReport(activations, transitions, from, to, this.settings.kpi),
      stale: { count: stale.length, alarms: stale.slice(0, STALE_LIST).map((a) => ({ id: a.id, area: a.area, priority: a.priority, activatedAt: a.activatedAt })) },
      configured: this.configured(),
      flood: state.flood,
      kpiSettings: this.settings.kpi,
    };
  }

  /** The reducer state at `at`, refused before the first event the journal holds (pruned by retention, or before the server's first run). */
  private stateAtInstant(at: number): CommandState {
    if (!this.store) throw new StateNotAvailableError('this server keeps no journal to rebuild a past instant / 服务器无日志，无法回放过去时刻');
    const first = this.store.journal.firstSeq();
    const firstEvent = first === null ? undefined : this.store.journal.after(first - 1, 1)[0];
    if (!firstEvent || at < firstEvent.time) {
      const since = firstEvent ? ` (it starts at ${new Date(firstEvent.time).toISOString()})` : '';
      throw new StateNotAvailableError(`the journal holds no record of that instant${since} / 日志中没有该时刻的记录`);
    }
    return stateAt(this.store, { at }).state;
  }

  /** Computed once: the configuration does not change while the server runs. */
  private configured(): PriorityMix & { total: number } {
    if (!this.configuredMix) {
      const all = configuredAlarms(this.plant.tags, this.plant.interlocks ?? [], this.settings);
      this.configuredMix = { ...priorityMix(all, this.settings.kpi.priorityMixTarget), total: all.length };
    }
    return this.configuredMix;
  }
}

/** Time windows of the drills the state remembers (the active one up to `now`). */
export function drillWindows(state: CommandState, now: number): { from: number; to: number }[] {
  const d = state.drill;
  const out = d.recent.map((r) => ({ from: r.drill.startedAt, to: r.drill.endedAt ?? now }));
  if (d.active) out.push({ from: d.active.startedAt, to: now });
  return out;
}

function inWindows(w: readonly { from: number; to: number }[], t: number): boolean {
  for (const x of w) if (t >= x.from && t <= x.to) return true;
  return false;
}
