import type { IncidentRulesFile } from '../../../shared/incident/model';
import type { Plant } from '../../../shared/plant/schema';

/**
 * GB 18218-2018 Table 1 threshold quantities Q, t (DOMAIN.md §4 [18218t], secondary ⚠). Chemicals
 * not listed there by name (caustic soda, nitrogen) have none, and their inventory ratio is unknown.
 */
const GB18218_Q_T: Record<string, { q: number; source: string }> = {
  ammonia: { q: 10, source: 'GB 18218-2018 Table 1 氨: 10 t (DOMAIN.md §4 ⚠ secondary)' },
  chlorine: { q: 5, source: 'GB 18218-2018 Table 1 氯: 5 t (DOMAIN.md §4 ⚠ secondary)' },
  'hydrogen-sulphide': { q: 5, source: 'GB 18218-2018 Table 1 硫化氢: 5 t (DOMAIN.md §4 ⚠ secondary)' },
  hydrogen: { q: 5, source: 'GB 18218-2018 Table 1 氢: 5 t (DOMAIN.md §4 ⚠ secondary)' },
  'natural-gas': { q: 50, source: 'GB 18218-2018 Table 1 甲烷、天然气: 50 t (DOMAIN.md §4 ⚠ secondary)' },
  lpg: { q: 50, source: 'GB 18218-2018 Table 1 液化石油气: 50 t (DOMAIN.md §4 ⚠ secondary)' },
  benzene: { q: 50, source: 'GB 18218-2018 Table 1 苯: 50 t (DOMAIN.md §4 ⚠ secondary)' },
  toluene: { q: 500, source: 'GB 18218-2018 Table 1 甲苯: 500 t (DOMAIN.md §4 ⚠ secondary)' },
  methanol: { q: 500, source: 'GB 18218-2018 Table 1 甲醇: 500 t (recalled ⚠ verify)' },
  acetone: { q: 500, source: 'GB 18218-2018 Table 1 丙酮: 500 t (recalled ⚠ verify)' },
  ethanol: { q: 500, source: 'GB 18218-2018 Table 1 乙醇: 500 t (recalled ⚠ verify)' },
};

const LEVELS_SOURCE =
  'enterprise response levels are set in its own plan (GB/T 29639-2020 §6.1.2, DOMAIN.md §4): design values of this plant ⚠; inventory ratio q/Q after GB 18218-2018 §4.2.1; people counts mirror the 3/10/30 bounds of the accident grades (事故报告和调查处理条例 Art. 3) as a design analogy';

/**
 * The plant's incident rules (`incident-rules.json`, docs/incidents.md §Rules): which alarms
 * open which incident type, how levels follow from the inventory at risk, the people exposed and
 * escalation, and GB 18218 Q for the plant's chemicals. Pure: derived from the plant's chemicals.
 */
export function buildIncidentRules(plant: Pick<Plant, 'chemicals'>): IncidentRulesFile {
  const thresholdT: Record<string, number> = {};
  for (const c of plant.chemicals) {
    const q = GB18218_Q_T[c.id];
    if (q) thresholdT[c.id] = q.q;
  }
  return {
    version: 1,
    open: [
      {
        id: 'OPEN-TOXIC',
        when: { alarmKinds: ['CONFIRMED'], chemicalHazard: 'toxic' },
        type: 'toxic_release',
        source: 'design: a detector group confirmed (2oo3) on a toxic chemical is a toxic release; a chemical that is toxic and flammable (ammonia, H₂S, benzene, methanol) opens as toxic, whose protective distances are the longer (ERG Table 1, DOMAIN.md §6)',
      },
      {
        id: 'OPEN-FLAMMABLE',
        when: { alarmKinds: ['CONFIRMED'], chemicalHazard: 'flammable' },
        type: 'flammable_release',
        source: 'design: a detector group confirmed (2oo3) on a flammable chemical at its first level (≤25 %LEL, GB/T 50493-2019 §5.5) is a flammable release',
      },
      {
        id: 'OPEN-TRIP-CONTROL',
        when: { alarmKinds: ['TRIP'], tagKinds: ['valve_position', 'speed'] },
        type: 'control_system_failure',
        source: 'design: a trip on a final element’s own feedback (valve position, machine speed) points at the control system, not the process',
      },
      {
        id: 'OPEN-TRIP',
        when: { alarmKinds: ['TRIP'] },
        type: 'equipment_failure',
        source: 'design: a safety-interlock trip on a process variable (pressure, level, temperature) is an equipment failure to be made safe and checked for loss of containment (安监总管三〔2017〕121号 item 5 ⚠)',
      },
    ],
    levels: [
      {
        id: 'LVL-I-PEOPLE',
        level: 'I',
        when: { peopleExposedMin: 30 },
        text: { zh: '红区/橙区内人员 ≥ 30 人', en: '30 or more people inside the red or orange zone' },
        source: LEVELS_SOURCE,
      },
      {
        id: 'LVL-I-TOXIC-MAJOR',
        level: 'I',
        when: { types: ['toxic_release'], inventoryRatioMin: 1, peopleExposedMin: 10 },
        text: { zh: '有毒物质存量达重大危险源临界量且 ≥ 10 人暴露', en: 'toxic inventory at or above the GB 18218 threshold and 10 or more people exposed' },
        source: LEVELS_SOURCE,
      },
      {
        id: 'LVL-I-ESCALATION',
        level: 'I',
        when: { escalationMin: 3 },
        text: { zh: '同一区域 ≥ 3 个确认报警/联锁（事态扩大）', en: 'three or more confirmed groups or trips in the area (escalating)' },
        source: LEVELS_SOURCE,
      },
      {
        id: 'LVL-II-INVENTORY',
        level: 'II',
        when: { types: ['toxic_release', 'flammable_release', 'fire', 'explosion'], inventoryRatioMin: 1 },
        text: { zh: '泄漏设备存量 ≥ GB 18218 临界量（重大危险源）', en: 'inventory at risk at or above the GB 18218 threshold quantity (major hazard installation)' },
        source: LEVELS_SOURCE,
      },
      {
        id: 'LVL-II-PEOPLE',
        level: 'II',
        when: { peopleExposedMin: 10 },
        text: { zh: '红区/橙区内人员 ≥ 10 人', en: '10 or more people inside the red or orange zone' },
        source: LEVELS_SOURCE,
      },
      {
        id: 'LVL-II-ESCALATION',
        level: 'II',
        when: { escalationMin: 2 },
        text: { zh: '同一区域第二个确认报警/联锁（事态扩大）', en: 'a second confirmed group or trip in the area (escalating)' },
        source: LEVELS_SOURCE,
      },
      {
        id: 'LVL-II-EXPLOSION',
        level: 'II',
        when: { types: ['explosion'] },
        text: { zh: '发生爆炸', en: 'an explosion' },
        source: LEVELS_SOURCE,
      },
      {
        id: 'LVL-III-RELEASE',
        level: 'III',
        when: { types: ['toxic_release', 'flammable_release', 'fire'] },
        text: { zh: '确认的泄漏或火灾（局限于装置区）', en: 'a confirmed release or fire (within the unit)' },
        source: LEVELS_SOURCE,
      },
      {
        id: 'LVL-III-PEOPLE',
        level: 'III',
        when: { peopleExposedMin: 3 },
        text: { zh: '红区/橙区内人员 ≥ 3 人', en: '3 or more people inside the red or orange zone' },
        source: LEVELS_SOURCE,
      },
    ],
    defaultLevel: 'IV',
    thresholdT,
  };
}

/** Where each threshold quantity comes from (docs; the file's schema has no per-entry source). */
export function thresholdSources(): Record<string, string> {
  return Object.fromEntries(Object.entries(GB18218_Q_T).map(([k, v]) => [k, v.source]));
}
