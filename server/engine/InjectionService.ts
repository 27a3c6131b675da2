import { fail, ok, type Ack } from '../../shared/protocol/messages';
import type { Injection } from '../../shared/protocol/injection';
import type { Clock } from '../../shared/util/clock';
import { InjectionError, type PlantSimulator } from '../sim/types';
import type { CommandEngine } from './CommandEngine';

/**
 * Simulator injections as journal events: the simulator is told first (it refuses unknown
 * equipment, tags or chemicals), then `sim.injection.started` is appended, so the journal only
 * holds injections that really ran. Ends (cleared or expired) are `sim.injection.ended`.
 */
export class InjectionService {
  constructor(
    private readonly engine: CommandEngine,
    private readonly sim: PlantSimulator,
    private readonly clock: Clock,
  ) {}

  inject(injection: Injection, actor: string): Ack<{ injectionId: string }> {
    const now = this.clock.now();
    // The started event's seq names the injection: unique, and the same on every replay.
    const wanted = `inj-${this.engine.seq + 1}`;
    let injectionId: string;
    try {
      injectionId = this.sim.inject(injection, now, wanted);
    } catch (err) {
      if (err instanceof InjectionError) return fail('not_found', err.message);
      throw err;
    }
    const until = injection.durationS !== undefined ? now + injection.durationS * 1000 : null;
    this.engine.append({ type: 'sim.injection.started', payload: { injectionId, injection, until } }, actor);
    return ok({ injectionId });
  }

  clear(injectionId: string | undefined, actor: string): Ack<{ cleared: string[] }> {
    const active = this.engine.state.injections;
    if (injectionId !== undefined && !Object.hasOwn(active, injectionId)) {
      return fail('not_found', `no active injection "${injectionId}"`);
    }
    const ended = this.sim.clear(injectionId);
    const ids = injectionId !== undefined ? [injectionId] : Object.keys(active);
    for (const id of new Set([...ids, ...ended])) {
      if (Object.hasOwn(this.engine.state.injections, id)) {
        this.engine.append({ type: 'sim.injection.ended', payload: { injectionId: id, reason: 'cleared' } }, actor);
      }
    }
    return ok({ cleared: ids.filter((id) => !Object.hasOwn(this.engine.state.injections, id)) });
  }

  /** Ends injections whose duration ran out (called every tick). */
  expire(now: number): void {
    const ids = new Set(this.sim.expire(now));
    for (const [id, inj] of Object.entries(this.engine.state.injections)) {
      if (inj.until !== null && inj.until <= now) ids.add(id);
    }
    for (const id of ids) {
      if (!Object.hasOwn(this.engine.state.injections, id)) continue;
      this.sim.clear(id);
      this.engine.append({ type: 'sim.injection.ended', payload: { injectionId: id, reason: 'expired' } }, 'system');
    }
  }

  /**
   * After a restart the command state still lists injections in force, but the new simulator
   * knows none of them: hand them back with their original start time so the drill goes on.
   * One the simulator now refuses is ended as cleared.
   */
  restoreActive(): void {
    for (const [id, inj] of Object.entries(this.engine.state.injections)) {
      try {
        this.sim.inject(inj.injection, inj.startedAt, id);
      } catch (err) {
        console.warn(`injection ${id} could not be restored: ${err instanceof Error ? err.message : String(err)}`);
        this.engine.append({ type: 'sim.injection.ended', payload: { injectionId: id, reason: 'cleared' } }, 'system');
      }
    }
  }
}
