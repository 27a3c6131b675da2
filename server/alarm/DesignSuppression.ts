import type { AlarmRecord } from '../../shared/alarm/model';
import type { Interlock } from '../../shared/plant/alarmConfig';
import type { CommandState } from '../../shared/state/reducer';
import type { Tag } from '../../shared/plant/schema';
import { alarmId, type AlarmDef } from './alarmDef';

/** Alarm kinds that a trip itself causes (flows, speeds, levels dropping): suppressed while the trip holds. */
const CONSEQUENCE_KINDS = new Set(['L', 'LL']);

/**
 * Suppression by design (ISA-18.2 state G): while an equipment's interlock is tripped, the low
 * alarms of that equipment's tags are the expected consequence of the trip, not news, so they
 * are suppressed — still evaluated and journaled, but not annunciated. Driven by
 * `CommandState.interlocks` and the plant's interlock definitions.
 */
export class DesignSuppression {
  private readonly byEquipment = new Map<string, string[]>();
  private readonly equipmentOf: ReadonlyMap<string, string>;
  private seen: CommandState['interlocks'] | null = null;

  constructor(interlocks: readonly Interlock[], defs: Iterable<Pick<AlarmDef, 'id' | 'kind' | 'equipment'>>) {
    this.equipmentOf = new Map(interlocks.map((i) => [i.id, i.equipment] as const));
    const guarded = new Set(interlocks.map((i) => i.equipment));
    for (const d of defs) {
      if (d.equipment === null || !guarded.has(d.equipment) || !CONSEQUENCE_KINDS.has(d.kind)) continue;
      let list = this.byEquipment.get(d.equipment);
      if (!list) this.byEquipment.set(d.equipment, (list = []));
      list.push(d.id);
    }
  }

  /** Built from the plant: the L/LL alarms of the tags on interlocked equipment. */
  static fromPlant(interlocks: readonly Interlock[], tags: readonly Tag[]): DesignSuppression {
    const guarded = new Set(interlocks.map((i) => i.equipment));
    const defs: Pick<AlarmDef, 'id' | 'kind' | 'equipment'>[] = [];
    for (const t of tags) {
      if (t.equipment === undefined || !guarded.has(t.equipment)) continue;
      if (t.limits.l !== undefined) defs.push({ id: alarmId(t.id, 'L'), kind: 'L', equipment: t.equipment });
      if (t.limits.ll !== undefined) defs.push({ id: alarmId(t.id, 'LL'), kind: 'LL', equipment: t.equipment });
    }
    return new DesignSuppression(interlocks, defs);
  }

  /** Ids of the alarms a trip of `equipment` suppresses. */
  consequences(equipment: string): readonly string[] {
    return this.byEquipment.get(equipment) ?? [];
  }

  /**
   * The suppress/unsuppress changes needed now; empty unless the interlock states changed
   * since the last call (the reducer gives `interlocks` a new identity on every change).
   */
  changes(state: CommandState, current: (id: string) => AlarmRecord | null): { id: string; suppress: boolean }[] {
    if (state.interlocks === this.seen || this.byEquipment.size === 0) return [];
    this.seen = state.interlocks;
    const tripped = new Set<string>();
    for (const [id, st] of Object.entries(state.interlocks)) {
      const eq = this.equipmentOf.get(id);
      if (eq !== undefined && st.tripped) tripped.add(eq);
    }
    const out: { id: string; suppress: boolean }[] = [];
    for (const [eq, ids] of this.byEquipment) {
      const want = tripped.has(eq);
      for (const id of ids) {
        const rec = current(id);
        if (rec && rec.lifecycle.suppressed !== want) out.push({ id, suppress: want });
      }
    }
    return out;
  }
}
