import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlarmRecord } from '../../shared/alarm/model';
import type { IncidentRecord } from '../../shared/incident/model';
import type { Plant } from '../../shared/plant/schema';
import { ManualClock } from '../../shared/util/clock';
import type { AuthUser } from '../auth/authService';
import { CommandEngine } from '../engine/CommandEngine';
import { buildIncidentRules } from '../plant/generate/incidentRules';
import { loadPlant } from '../plant/loadPlant';
import { openSqliteStore } from '../store/openSqliteStore';
import { IncidentService } from './IncidentService';
import { IncidentStage } from './IncidentStage';
import { loadPlans } from './loadPlans';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const T0 = Date.UTC(2026, 5, 1, 1, 0, 0); // 09:00 in Shanghai
const cmdr: AuthUser = { name: 'zhang', role: 'commander' };

function alarm(id: string, kind: 'CONFIRMED' | 'TRIP', source: string, area: string, equipment: string | null, position: [number, number, number]): AlarmRecord {
  return {
    id,
    kind,
    source,
    area,
    equipment,
    priority: 1,
    position,
    message: { zh: 'x', en: 'x' },
    lifecycle: { active: true, acked: false, latched: true, shelved: null, suppressed: false, outOfService: null },
    value: null,
    limit: null,
    unit: null,
    activatedAt: T0,
    lastChange: T0,
  };
}

describe('IncidentService and IncidentStage', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(clock: ManualClock) {
    const { plant: mini } = await loadPlant(path.join(root, 'tests', 'fixtures', 'plants', 'mini'));
    const plant: Plant = { ...mini, incidentRules: buildIncidentRules(mini) };
    const store = openSqliteStore(dir);
    const engine = CommandEngine.open(store, clock);
    const svc = new IncidentService({ plant, engine, clock, rules: plant.incidentRules!, plans: loadPlans(path.join(root, 'resources', 'plans')).plans, people: { indexOf: (id) => (id === 'P-009' ? 0 : undefined) }, latestValue: () => null });
    const stage = new IncidentStage(svc);
    const detach = engine.onEvent((e) => stage.observe(e));
    const tick = (): void => {
      engine.appendBatch(stage.run(null, clock.now()));
    };
    const close = (): void => {
      detach();
      svc.index.close();
      store.close();
    };
    return { plant, engine, svc, stage, tick, close };
  }

  it('opens from a confirmed group, escalates on a trip in the same area, raises the level, flags late steps; ids continue after a restart', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'vigil-inc-unit-'));
    const clock = new ManualClock(T0);
    let s = await open(clock);
    // A toluene group at TK-1 (area A1): flammable release, TK-1 holds 1000 t ≥ Q 500 t → level II.
    s.engine.append({ type: 'alarm.changed', payload: { alarm: alarm('GRP-TK-1-A:CONFIRMED', 'CONFIRMED', 'GRP-TK-1-A', 'A1', 'TK-1', [40, 41.4, 0.45]), cause: 'activate' } }, 'system');
    s.tick();
    const [inc] = Object.values(s.engine.state.emergency.incidents) as IncidentRecord[];
    expect(inc).toMatchObject({ id: 'INC-20260601-01', type: 'flammable_release', level: 'II', area: 'A1', plan: { id: 'flammable-leak' } });
    // The leak is placed at TK-1's release point nearest the detectors.
    expect(inc!.source).toMatchObject({ chemical: 'toluene', equipment: 'TK-1', position: [40, 41.7, 0.5] });
    // The same alarm again opens nothing; a trip in another area opens an equipment failure there.
    s.engine.append({ type: 'alarm.changed', payload: { alarm: alarm('GRP-TK-1-A:CONFIRMED', 'CONFIRMED', 'GRP-TK-1-A', 'A1', 'TK-1', [40, 41.4, 0.45]), cause: 'activate' } }, 'system');
    s.engine.append({ type: 'alarm.changed', payload: { alarm: alarm('SIS-R-1-P:TRIP', 'TRIP', 'SIS-R-1-P', 'A2', 'R-1', [140, 50, 3]), cause: 'activate' } }, 'system');
    s.tick();
    const trip = s.engine.state.emergency.incidents['INC-20260601-02']!;
    expect(trip).toMatchObject({ type: 'equipment_failure', level: 'IV', trigger: { kind: 'interlock', ref: 'SIS-R-1-P:TRIP' }, source: { rateKgS: null, rateEstimated: false } });
    expect(Object.keys(s.engine.state.emergency.incidents)).toHaveLength(2);
    // A second confirmation in A2 escalates the trip's incident; the next sweep raises it to II.
    s.engine.append({ type: 'alarm.changed', payload: { alarm: alarm('GRP-X:CONFIRMED', 'CONFIRMED', 'GT-V-1-01', 'A2', 'V-1', [160, 28.4, 0.45]), cause: 'activate' } }, 'system');
    s.tick();
    expect(s.svc.index.escalation(trip.id)).toBe(2);
    clock.advance(1000);
    s.tick();
    expect(s.engine.state.emergency.incidents[trip.id]!.level).toBe('II');
    // The commander lowers it with a reason: the rules do not raise it back while their level stays.
    expect(s.svc.change(trip.id, { kind: 'level', level: 'III', reason: { zh: '已处置', en: 'handled' }, auto: false }, cmdr)).toMatchObject({ ok: true });
    clock.advance(1000);
    s.tick();
    expect(s.engine.state.emergency.incidents[trip.id]!.level).toBe('III');
    // Four minutes on: only verify_sis (due at 3 min) is past due; it is flagged once.
    clock.advance(4 * 60_000);
    s.tick();
    const steps = s.engine.state.emergency.incidents[trip.id]!.plan!.steps;
    expect(steps.filter((x) => x.late).map((x) => x.step)).toEqual(['verify_sis']);
    const lateEvents = (): number => s.engine.eventsInTime('incident.changed', 0, Number.MAX_SAFE_INTEGER, 0, 1000).filter((e) => e.type === 'incident.changed' && e.payload.action === 'step_late' && e.payload.incident.id === trip.id).length;
    expect(lateEvents()).toBe(1);
    clock.advance(1000);
    s.tick();
    expect(lateEvents()).toBe(1);
    // Restart: the index rebuilds from the journal; the next id is 03, escalation counts survive.
    s.close();
    s = await open(clock);
    expect(s.svc.index.escalation(trip.id)).toBe(2);
    expect(s.svc.index.levelSetByHand(trip.id)).toBe(true);
    clock.advance(1000);
    s.tick();
    expect(s.engine.state.emergency.incidents[trip.id]!.level).toBe('III');
    const manual = s.svc.open({ type: 'injury', title: 'slip at the pump', equipment: 'P-1' }, cmdr);
    expect(manual).toMatchObject({ ok: true, data: { incident: { id: 'INC-20260601-03', area: 'A1', level: 'IV', source: { equipment: 'P-1', chemical: 'toluene' } } } });
    expect(s.svc.assignRole({ incidentId: trip.id, role: 'safety', person: 'P-404' }, cmdr)).toMatchObject({ ok: false, code: 'not_found' });
    expect(s.svc.open({ type: 'fire', title: 'fire somewhere', equipment: 'NOPE' }, cmdr)).toMatchObject({ ok: false, code: 'not_found' });
    s.close();
  });
});
