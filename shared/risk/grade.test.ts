import { describe, expect, it } from 'vitest';
import { riskGrades, type RiskGrade } from '../plant/alarmConfig';
import { currentGrade, DEFAULT_RISK_RULES, raiseGrade, riskFactors, sameReasons, type RiskFactorCounts, type RiskRule } from './grade';

const idx = (g: RiskGrade): number => riskGrades.indexOf(g);

describe('raiseGrade', () => {
  it('moves along blue < yellow < orange < red and stops at both ends', () => {
    expect(raiseGrade('blue', 1)).toBe('yellow');
    expect(raiseGrade('yellow', 2)).toBe('red');
    expect(raiseGrade('orange', 5)).toBe('red');
    expect(raiseGrade('red', 0)).toBe('red');
    expect(raiseGrade('yellow', -3)).toBe('blue');
  });
});

describe('currentGrade with the default rules', () => {
  it('is the inherent grade with no reasons when nothing is present', () => {
    for (const g of riskGrades) expect(currentGrade(g, {})).toEqual({ grade: g, steps: 0, reasons: [] });
    expect(currentGrade('yellow', { alarm_p12: 0, detector_failed: 0 })).toEqual({ grade: 'yellow', steps: 0, reasons: [] });
  });

  it('each factor present raises one step, whatever its count; steps add and stop at red (every subset × every grade)', () => {
    for (const g of riskGrades) {
      for (let mask = 0; mask < 1 << riskFactors.length; mask++) {
        const counts: RiskFactorCounts = {};
        let present = 0;
        riskFactors.forEach((f, k) => {
          if (mask & (1 << k)) {
            counts[f] = k + 1;
            present++;
          }
        });
        const r = currentGrade(g, counts);
        expect(r.steps).toBe(present);
        expect(idx(r.grade)).toBe(Math.min(3, idx(g) + present));
        expect(r.reasons).toHaveLength(present);
      }
    }
  });

  it('says why in both languages, with the count, in rule order', () => {
    const r = currentGrade('orange', { interlock_bypassed: 1, detector_failed: 2 });
    expect(r.grade).toBe('red');
    expect(r.reasons).toEqual([
      { zh: '2 台探测器故障', en: '2 detectors failed' },
      { zh: '1 个联锁旁路', en: '1 interlock bypassed' },
    ]);
    expect(currentGrade('blue', { detector_failed: 1 }).reasons).toEqual([{ zh: '1 台探测器故障', en: '1 detector failed' }]);
    expect(currentGrade('blue', { alarm_p12: 3 }).reasons[0]?.en).toBe('3 high-priority alarms (priority 1–2) active');
  });

  it('keeps the reasons at red even though the grade cannot rise', () => {
    const r = currentGrade('red', { interlock_tripped: 1 });
    expect(r).toEqual({ grade: 'red', steps: 1, reasons: [{ zh: '1 个联锁已动作', en: '1 interlock tripped' }] });
  });

  it('every default rule has zh, en and enOne texts that carry the count', () => {
    expect(DEFAULT_RISK_RULES.map((r) => r.factor)).toEqual([...riskFactors]);
    for (const r of DEFAULT_RISK_RULES) {
      expect(r.reason.zh).toContain('{n}');
      expect(r.reason.en).toContain('{n}');
      expect(r.reason.enOne).toMatch(/^1 /);
    }
  });
});

describe('currentGrade with other rules', () => {
  it('honours minCount and steps from data', () => {
    const rules: RiskRule[] = [
      { factor: 'detector_failed', minCount: 2, steps: 2, reason: { zh: '{n} 台探测器故障', en: '{n} detectors failed', enOne: '1 detector failed' } },
      { factor: 'alarm_p12', minCount: 1, steps: 1, reason: { zh: '{n} 个报警', en: '{n} alarms', enOne: '1 alarm' } },
    ];
    expect(currentGrade('blue', { detector_failed: 1 }, rules)).toEqual({ grade: 'blue', steps: 0, reasons: [] });
    expect(currentGrade('blue', { detector_failed: 2 }, rules).grade).toBe('orange');
    expect(currentGrade('blue', { detector_failed: 2, alarm_p12: 1 }, rules).grade).toBe('red');
    expect(currentGrade('blue', { interlock_bypassed: 4 }, rules).grade).toBe('blue');
  });
});

describe('sameReasons', () => {
  it('compares both languages in order', () => {
    const a = [{ zh: 'x', en: 'y' }];
    expect(sameReasons(a, [{ zh: 'x', en: 'y' }])).toBe(true);
    expect(sameReasons(a, [{ zh: 'x', en: 'z' }])).toBe(false);
    expect(sameReasons(a, [])).toBe(false);
  });
});
