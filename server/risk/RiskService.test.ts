import { beforeAll, describe, expect, it } from 'vitest';
import type { Plant } from '../../shared/plant/schema';
import type { JournalEvent } from '../../shared/state/events';
import { ManualClock } from '../../shared/util/clock';
import { CommandEngine } from '../engine/CommandEngine';
import { activated, alarmRecord, changed, cleared } from '../notify/testing/alarmEvents';
import { loadPlant } from '../plant/loadPlant';
import { MINI_PLANT_DIR } from '../plant/testing/plantPaths';
import { openSqliteStore } from '../store/openSqliteStore';
import { RiskService } from './RiskService';

let plant: Plant;
beforeAll(async () => {
  plant = (await loadPlant(MINI_PLANT_DIR)).plant;
});

type GradeEvent = Extract<JournalEvent, { type: 'risk.grade.changed' }>;

function rig(engine = CommandEngine.open(openSqliteStore(':memory:'), new ManualClock(0))) {
  const svc = new RiskService({ plant, engine });
  svc.start();
  return {
    engine,
    svc,
    tick: () => {
      for (const e of svc.stage.run()) engine.append(e.body, e.actor);
    },
    grades: (): GradeEvent[] => engine.eventsPage(0, 1000).filter((e): e is GradeEvent => e.type === 'risk.grade.changed'),
  };
}

const detectorBad = alarmRecord({ id: 'GD-TK-1-01:BAD', area: 'A1', priority: 4, equipment: 'TK-1', kind: 'BAD', source: 'GD-TK-1-01' });

describe('RiskService', () => {
  it('emits every unit’s grade once at start, and not again after a restart with nothing changed', () => {
    const r = rig();
    expect(r.grades().map((e) => [e.payload.riskId, e.payload.inherent, e.payload.current, e.payload.reasons])).toEqual([
      ['RP-A1', 'yellow', 'yellow', []],
      ['RP-A2', 'orange', 'orange', []],
    ]);
    r.svc.stop();
    rig(r.engine);
    expect(r.grades()).toHaveLength(2);
  });

  it('a failed detector raises its unit one step with the reason; clearing lowers it back', () => {
    const r = rig();
    r.engine.append(changed(activated(detectorBad), 'activate'), 'system');
    r.tick();
    expect(r.engine.state.risks['RP-A1']).toMatchObject({ current: 'orange', reasons: [{ zh: '1 台探测器故障', en: '1 detector failed' }] });
    expect(r.engine.state.risks['RP-A2']?.current).toBe('orange');
    r.engine.append(changed(cleared(activated(detectorBad)), 'clear'), 'system');
    r.tick();
    expect(r.engine.state.risks['RP-A1']).toMatchObject({ current: 'yellow', reasons: [] });
    expect(r.grades()).toHaveLength(4);
  });

  it('counts priority 1–2 alarms (not suppressed ones, not low priorities), bypasses and trips, capped at red', () => {
    const r = rig();
    const hh = alarmRecord({ id: 'TK-1.LI-01:HH', area: 'A1', priority: 2, equipment: 'TK-1' });
    const h = alarmRecord({ id: 'TK-1.LI-01:H', area: 'A1', priority: 3, equipment: 'TK-1' });
    const sup = alarmRecord({ id: 'P-1.PI-01:LL', area: 'A1', priority: 2, equipment: 'P-1', lifecycle: { suppressed: true } });
    r.engine.append(changed(activated(h), 'activate'), 'system');
    r.engine.append(changed(activated(sup), 'activate'), 'system');
    r.tick();
    expect(r.engine.state.risks['RP-A1']?.current).toBe('yellow');
    r.engine.append(changed(activated(hh), 'activate'), 'system');
    r.tick();
    expect(r.engine.state.risks['RP-A1']).toMatchObject({ current: 'orange', reasons: [{ en: '1 high-priority alarm (priority 1–2) active' }] });
    r.engine.append({ type: 'interlock.bypass.changed', payload: { interlockId: 'SIS-R-1-P', bypassed: true, reason: 'proof test' } }, 'lead');
    r.tick();
    expect(r.engine.state.risks['RP-A2']).toMatchObject({ current: 'red', reasons: [{ zh: '1 个联锁旁路', en: '1 interlock bypassed' }] });
    r.engine.append({ type: 'interlock.tripped', payload: { interlockId: 'SIS-R-1-P', equipment: 'R-1', area: 'A2', tag: 'R-1.PI-01', value: 3.5 } }, 'system');
    r.tick();
    expect(r.engine.state.risks['RP-A2']?.current).toBe('red');
    expect(r.engine.state.risks['RP-A2']?.reasons.map((x) => x.en)).toEqual(['1 interlock bypassed', '1 interlock tripped']);
    r.engine.append({ type: 'interlock.bypass.changed', payload: { interlockId: 'SIS-R-1-P', bypassed: false } }, 'lead');
    r.engine.append({ type: 'interlock.reset', payload: { interlockId: 'SIS-R-1-P' } }, 'op');
    r.tick();
    expect(r.engine.state.risks['RP-A2']).toMatchObject({ current: 'orange', reasons: [] });
  });

  it('an alarm whose equipment no unit lists counts for the units of its area', () => {
    const r = rig();
    r.engine.append(changed(activated(alarmRecord({ id: 'MET-1.WS-01:HH', area: 'A2', priority: 2, equipment: 'MET-1' })), 'activate'), 'system');
    r.tick();
    expect(r.engine.state.risks['RP-A2']?.current).toBe('red');
    expect(r.engine.state.risks['RP-A1']?.current).toBe('yellow');
  });
});
