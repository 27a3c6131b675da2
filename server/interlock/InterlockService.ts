import { alarmPriority } from '../../shared/alarm/priority';
import type { Priority } from '../../shared/alarm/model';
import type { Interlock } from '../../shared/plant/alarmConfig';
import type { Plant, Tag } from '../../shared/plant/schema';
import { fail, ok, type Ack } from '../../shared/protocol/messages';
import type { EventBody } from '../../shared/state/events';
import type { Clock } from '../../shared/util/clock';
import type { CommandEngine } from '../engine/CommandEngine';
import type { ExternalAlarmDef } from '../alarm/alarmDef';
import { InterlockError, type InterlockState, type PlantSimulator } from '../sim/types';

/** An event for the tick's batch (the shape PlantRuntime stages return). */
export interface StageEvent {
  body: EventBody;
  actor: string;
}

/** The TRIP alarm as the alarm engine's external-alarm entry takes it (AlarmEngine.setExternal). */
export type TripAlarmDef = ExternalAlarmDef;
export interface TripAlarmSink {
  setExternal(def: TripAlarmDef, active: boolean, value: number | null, time: number): void;
}

export interface InterlockServiceDeps {
  plant: Plant;
  sim: PlantSimulator;
  engine: CommandEngine;
  clock: Clock;
  /** Where trips become TRIP alarms; without one, trips are journaled as interlock events only. */
  alarms?: TripAlarmSink | null;
}

/** Id of an interlock's TRIP alarm (`<source>:<kind>`, shared/alarm/model). */
export const tripAlarmId = (interlockId: string): string => `${interlockId}:TRIP`;

/**
 * Safety interlocks as journal events. The simulator executes the trips (server/sim/interlocks);
 * this service, as a tick stage placed before the alarm stage, turns its trip states into
 * `interlock.tripped` / `interlock.reset` events and raises or clears the TRIP alarm through the
 * alarm engine in the same tick. The `interlock.bypass` and `interlock.reset` commands act on the
 * simulator first and journal only what it accepted. After a restart `start()` hands the
 * journal's trips and bypasses back to the new simulator.
 */
export class InterlockService {
  private readonly byId: Map<string, Interlock>;
  private readonly tags: Map<string, Tag>;
  private readonly priority: Priority;

  /** Plug into PlantRuntime's tick before the alarm stage. */
  readonly stage = { name: 'interlocks', run: (_batch: unknown, now: number): StageEvent[] => this.run(now) };

  constructor(private readonly d: InterlockServiceDeps) {
    this.byId = new Map((d.plant.interlocks ?? []).map((il) => [il.id, il]));
    this.tags = new Map(d.plant.tags.map((t) => [t.id, t]));
    this.priority = d.plant.alarmSettings ? alarmPriority(d.plant.alarmSettings, null, 'TRIP') : 1;
  }

  /** True when the simulator executes interlocks (otherwise commands are refused). */
  get active(): boolean {
    return this.byId.size > 0 && typeof this.d.sim.interlockStates === 'function';
  }

  /** Restores trips and bypasses from the command state into the simulator. Call once before ticking. */
  start(): void {
    if (!this.active) return;
    for (const [id, st] of Object.entries(this.d.engine.state.interlocks)) {
      if (!this.byId.has(id)) continue;
      this.d.sim.restoreInterlock?.(id, { tripped: st.tripped, trippedAt: st.trippedAt, bypassed: st.bypassed });
    }
  }

  /** One tick: trips (and resets) the simulator made since the last tick. */
  run(now: number): StageEvent[] {
    if (!this.active) return [];
    const out: StageEvent[] = [];
    const known = this.d.engine.state.interlocks;
    for (const s of this.d.sim.interlockStates?.() ?? []) {
      const il = this.byId.get(s.id);
      if (!il) continue;
      const was = known[s.id]?.tripped ?? false;
      if (s.tripped && !was) {
        out.push({ body: { type: 'interlock.tripped', payload: { interlockId: il.id, equipment: il.equipment, area: il.area, tag: il.trigger.tag, value: s.tripValue } }, actor: 'system' });
        this.d.alarms?.setExternal(this.tripDef(il, s), true, s.tripValue, s.trippedAt ?? now);
      } else if (!s.tripped && was) {
        out.push({ body: { type: 'interlock.reset', payload: { interlockId: il.id } }, actor: 'system' });
        this.d.alarms?.setExternal(this.tripDef(il, s), false, null, now);
      }
    }
    return out;
  }

  /** `interlock.bypass`: a reason is required to bypass; restoring needs none. */
  bypass(p: { interlockId: string; bypassed: boolean; reason?: string }, actor: string): Ack<{ interlockId: string; bypassed: boolean }> {
    const il = this.byId.get(p.interlockId);
    if (!il || !this.active) return fail('not_found', `unknown interlock "${p.interlockId}" / 未知联锁 "${p.interlockId}"`);
    if (p.bypassed && !p.reason) return fail('bad_request', 'a reason is required to bypass an interlock / 旁路联锁必须填写原因');
    const current = this.d.engine.state.interlocks[il.id]?.bypassed ?? false;
    if (current === p.bypassed) return ok({ interlockId: il.id, bypassed: current });
    this.d.sim.setInterlockBypass?.(il.id, p.bypassed);
    this.d.engine.append(
      { type: 'interlock.bypass.changed', payload: { interlockId: il.id, bypassed: p.bypassed, ...(p.bypassed && p.reason ? { reason: p.reason } : {}) } },
      actor,
    );
    return ok({ interlockId: il.id, bypassed: p.bypassed });
  }

  /**
   * `interlock.reset`: refused while the trigger is still in alarm — its band (HH/LL, with the
   * hysteresis consoles see) or the simulator's own latest sample — or when not tripped.
   */
  reset(p: { interlockId: string }, actor: string): Ack<{ interlockId: string }> {
    const il = this.byId.get(p.interlockId);
    if (!il || !this.active) return fail('not_found', `unknown interlock "${p.interlockId}" / 未知联锁 "${p.interlockId}"`);
    const state = this.d.engine.state;
    if (!state.interlocks[il.id]?.tripped) return fail('conflict', `interlock ${il.id} is not tripped / 联锁 ${il.id} 未动作`);
    const band = state.bands[il.trigger.tag];
    const inAlarm = il.trigger.limit === 'HH' ? band === 'hh' : band === 'll';
    if (inAlarm || band === 'bad') {
      return fail(
        'conflict',
        `interlock ${il.id}: trigger ${il.trigger.tag} is still ${band === 'bad' ? 'bad' : `in ${il.trigger.limit}`}; reset once it is back / 联锁 ${il.id}：触发位号 ${il.trigger.tag} 仍${band === 'bad' ? '为坏值' : `处于 ${il.trigger.limit}`}，恢复后才能复位`,
      );
    }
    try {
      this.d.sim.resetInterlock?.(il.id, this.d.clock.now());
    } catch (err) {
      if (err instanceof InterlockError) return fail('conflict', `${err.message} / ${err.zh}`);
      throw err;
    }
    this.d.engine.append({ type: 'interlock.reset', payload: { interlockId: il.id } }, actor);
    const s = this.d.sim.interlockStates?.().find((x) => x.id === il.id);
    if (s) this.d.alarms?.setExternal(this.tripDef(il, s), false, null, this.d.clock.now());
    return ok({ interlockId: il.id });
  }

  private tripDef(il: Interlock, s: InterlockState): TripAlarmDef {
    const tag = this.tags.get(il.trigger.tag);
    const limit = il.trigger.limit === 'HH' ? tag?.limits.hh : tag?.limits.ll;
    const unit = tag?.unit ?? '';
    const shown = s.tripValue !== null ? ` (${Math.round(s.tripValue * 100) / 100} ${unit})` : '';
    const actionsZh = il.actions.map((a) => a.description.zh).join('、');
    const actionsEn = il.actions.map((a) => a.description.en).join(', ');
    return {
      id: tripAlarmId(il.id),
      kind: 'TRIP',
      source: il.id,
      area: il.area,
      equipment: il.equipment,
      priority: this.priority,
      position: tag?.position ?? [0, 0, 0],
      message: {
        zh: `${il.name.zh}动作：${il.trigger.tag} 达到 ${il.trigger.limit} ${limit ?? ''} ${unit}${shown}；${actionsZh}`,
        en: `${il.name.en}: ${il.trigger.tag} reached ${il.trigger.limit} ${limit ?? ''} ${unit}${shown}; ${actionsEn}`,
      },
      unit: tag?.unit ?? null,
    };
  }
}
