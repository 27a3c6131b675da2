import { describe, expect, it } from 'vitest';
import { classifyIncident, incidentLevel, inventoryRatio, moreSevere } from './classifyIncident';
import { incidentRulesFileSchema, type IncidentRulesFile } from './model';

const rules: IncidentRulesFile = incidentRulesFileSchema.parse({
  version: 1,
  open: [
    { id: 'TOX', when: { alarmKinds: ['CONFIRMED'], chemicalHazard: 'toxic' }, type: 'toxic_release', source: 'test' },
    { id: 'FLAM', when: { alarmKinds: ['CONFIRMED'], chemicalHazard: 'flammable' }, type: 'flammable_release', source: 'test' },
    { id: 'TRIP-CTRL', when: { alarmKinds: ['TRIP'], tagKinds: ['valve_position'] }, type: 'control_system_failure', source: 'test' },
    { id: 'TRIP', when: { alarmKinds: ['TRIP'] }, type: 'equipment_failure', source: 'test' },
  ],
  levels: [
    { id: 'I-PEOPLE', level: 'I', when: { peopleExposedMin: 30 }, text: { zh: '≥30 人', en: '≥30 people' }, source: 'test' },
    { id: 'II-INV', level: 'II', when: { types: ['toxic_release'], inventoryRatioMin: 1 }, text: { zh: '存量', en: 'inventory' }, source: 'test' },
    { id: 'II-ESC', level: 'II', when: { escalationMin: 2 }, text: { zh: '扩大', en: 'escalating' }, source: 'test' },
    { id: 'III-CL', level: 'III', when: { chemicals: ['chlorine'] }, text: { zh: '氯', en: 'chlorine' }, source: 'test' },
  ],
  defaultLevel: 'IV',
  thresholdT: { chlorine: 5, toluene: 500 },
});

describe('classifyIncident', () => {
  it('takes the first open rule whose conditions all hold', () => {
    expect(classifyIncident(rules, { alarmKind: 'CONFIRMED', chemicalHazards: ['toxic', 'oxidiser'], tagKind: 'gas_toxic' })).toEqual({ type: 'toxic_release', rule: 'TOX' });
    // toxic and flammable: the toxic rule comes first in the file
    expect(classifyIncident(rules, { alarmKind: 'CONFIRMED', chemicalHazards: ['flammable', 'toxic'], tagKind: 'gas_toxic' })?.type).toBe('toxic_release');
    expect(classifyIncident(rules, { alarmKind: 'CONFIRMED', chemicalHazards: ['flammable'], tagKind: 'gas_combustible' })?.type).toBe('flammable_release');
    expect(classifyIncident(rules, { alarmKind: 'TRIP', chemicalHazards: [], tagKind: 'valve_position' })?.type).toBe('control_system_failure');
    expect(classifyIncident(rules, { alarmKind: 'TRIP', chemicalHazards: ['flammable'], tagKind: 'pressure' })).toEqual({ type: 'equipment_failure', rule: 'TRIP' });
  });

  it('opens nothing when no rule matches (an inert gas group, an HH alarm, a trip without a tag kind rule)', () => {
    expect(classifyIncident(rules, { alarmKind: 'CONFIRMED', chemicalHazards: ['inert'], tagKind: 'oxygen' })).toBeNull();
    expect(classifyIncident(rules, { alarmKind: 'HH', chemicalHazards: ['toxic'], tagKind: 'gas_toxic' })).toBeNull();
    expect(classifyIncident({ open: [rules.open[2]!] }, { alarmKind: 'TRIP', chemicalHazards: [], tagKind: null })).toBeNull();
  });
});

describe('incidentLevel', () => {
  const base = { type: 'toxic_release' as const, chemical: 'chlorine', inventoryT: 0.1, peopleExposed: 0, escalation: 1 };

  it('is the most severe matching level, with the reasons of the rules at that level', () => {
    expect(incidentLevel(rules, base)).toEqual({ level: 'III', rules: ['III-CL'], reasons: [{ zh: '氯', en: 'chlorine' }] });
    const inv = incidentLevel(rules, { ...base, inventoryT: 40 });
    expect(inv.level).toBe('II');
    expect(inv.rules).toEqual(['II-INV', 'III-CL']);
    const both = incidentLevel(rules, { ...base, inventoryT: 40, escalation: 2 });
    expect(both.reasons.map((r) => r.en)).toEqual(['inventory', 'escalating']);
    expect(incidentLevel(rules, { ...base, peopleExposed: 30 }).level).toBe('I');
    expect(incidentLevel(rules, { ...base, peopleExposed: 29 }).level).toBe('III');
  });

  it('falls back to the default level, and an unknown inventory never satisfies an inventory rule', () => {
    const d = incidentLevel(rules, { type: 'injury', chemical: null, inventoryT: null, peopleExposed: 0, escalation: 0 });
    expect(d.level).toBe('IV');
    expect(d.rules).toEqual([]);
    expect(incidentLevel(rules, { ...base, chemical: 'ammonia', inventoryT: 1e6 }).level).toBe('IV');
  });

  it('computes q/Q against GB 18218 thresholds', () => {
    expect(inventoryRatio(rules, 'chlorine', 10)).toBe(2);
    expect(inventoryRatio(rules, 'ammonia', 10)).toBeNull();
    expect(inventoryRatio(rules, 'toluene', null)).toBeNull();
    expect(moreSevere('I', 'II')).toBe(true);
    expect(moreSevere('IV', 'III')).toBe(false);
  });
});
