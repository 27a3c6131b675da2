import type { EmergencyResourcesFile, StockItem } from '../../../shared/incident/resources';
import type { Plant } from '../../../shared/plant/schema';
import type { PeopleFile } from '../../../shared/people/registry';
import { txt } from './builder';
import { buildPeopleRegistry } from './people';

/** Breathing-apparatus course: what an SCBA wearer must hold valid (people.json qualification type). */
export const SCBA_QUALIFICATION = 'TR-BA';

const item = (kind: StockItem['kind'], quantity: number, minQuantity: number, expires?: string): StockItem => ({ kind, quantity, minQuantity, ...(expires ? { expires } : {}) });

/**
 * Emergency resources of the reference plant (emergency-resources.json, docs/incidents.md):
 * teams drawn from the people registry by team and role, their vehicles, stock points across the
 * site, and what each incident type needs. Stock dates are fixed: most expire in 2029–2031, a
 * few are already past (foam in the warehouse, SCBA cylinders in the control room) and one is
 * due at the end of 2026, so alerts show; the fire-brigade member whose breathing-apparatus
 * course lapsed (people.json) is in the hazmat team, so dispatch has an expired certificate to
 * leave out.
 */
export function buildEmergencyResources(plant: Plant, people: PeopleFile = buildPeopleRegistry(plant)): EmergencyResourcesFile {
  const ids = (pred: (p: PeopleFile['people'][number]) => boolean): string[] => people.people.filter(pred).map((p) => p.id);
  const fire = ids((p) => p.team === 'FIRE');
  const hse = ids((p) => p.team === 'HSE');
  const chlorineOps = ids((p) => p.team === 'OPS-A' && p.areas.includes('TF-CL'));
  const leadsA = ids((p) => p.team === 'OPS-A' && p.role === 'shift_lead');
  const fitters = ids((p) => p.team === 'MNT' && p.role === 'maintenance').slice(16, 22);
  const security = ids((p) => p.team === 'SEC');
  const area = (id: string): void => {
    if (!plant.areas.some((a) => a.id === id)) throw new Error(`emergency resources: no area ${id}`);
  };
  ['FIRE', 'TF-CL', 'CCR', 'WH', 'TF-NH3', 'TF-LPG', 'MNT', 'ADM'].forEach(area);
  return {
    version: 1,
    teams: [
      { id: 'TEAM-HAZMAT', name: txt('危化品处置队（消防队特勤班）', 'Hazmat team (fire brigade special crew)'), kind: 'hazmat', members: [...fire.slice(0, 4), hse[0]!], base: [245, 540, 0], requires: [SCBA_QUALIFICATION], vehicle: 'VEH-HAZMAT' },
      { id: 'TEAM-FIRE', name: txt('厂消防队', 'Plant fire brigade'), kind: 'fire_brigade', members: fire.slice(4), base: [245, 545, 0], requires: [SCBA_QUALIFICATION], vehicle: 'VEH-FIRE-1' },
      { id: 'TEAM-CL-SQUAD', name: txt('液氯岗位应急小组（白班）', 'Chlorine unit emergency squad (day shift)'), kind: 'hazmat', members: [...chlorineOps, ...leadsA], base: [655, 330, 0], requires: [SCBA_QUALIFICATION] },
      { id: 'TEAM-MEDICAL', name: txt('医疗救护组', 'Medical team'), kind: 'medical', members: hse.slice(1, 3), base: [120, 500, 0], requires: [], vehicle: 'VEH-AMB' },
      { id: 'TEAM-MAINT', name: txt('抢修队', 'Emergency maintenance crew'), kind: 'maintenance', members: fitters, base: [70, 320, 0], requires: [], vehicle: 'VEH-UTIL' },
      { id: 'TEAM-SECURITY', name: txt('警戒疏散组', 'Security and cordon team'), kind: 'security', members: security, base: [172, 560, 0], requires: [] },
    ],
    vehicles: [
      { id: 'VEH-FIRE-1', name: txt('1 号水罐泡沫消防车', 'Fire engine 1 (water/foam)'), kind: 'fire_engine', base: [245, 548, 0], speedKmh: 40 },
      { id: 'VEH-HAZMAT', name: txt('危化品抢险救援车', 'Hazmat rescue truck'), kind: 'hazmat_truck', base: [255, 548, 0], speedKmh: 40 },
      { id: 'VEH-AMB', name: txt('救护车', 'Ambulance'), kind: 'ambulance', base: [120, 505, 0], speedKmh: 50 },
      { id: 'VEH-UTIL', name: txt('抢修工程车', 'Maintenance utility truck'), kind: 'utility', base: [70, 310, 0], speedKmh: 30 },
    ],
    stockPoints: [
      { id: 'SP-FIRE', name: txt('消防站器材库', 'Fire station store'), position: [230, 520, 0], area: 'FIRE', items: [item('scba', 12, 8, '2030-06-30'), item('chem_suit', 6, 4, '2029-10-31'), item('foam', 40, 20, '2030-03-31'), item('leak_kit', 3, 2), item('gas_detector', 6, 4), item('water_curtain', 2, 1)] },
      { id: 'SP-CL', name: txt('液氯罐区应急柜', 'Chlorine farm emergency cabinet'), position: [662, 250, 0], area: 'TF-CL', items: [item('scba', 6, 4, '2030-01-31'), item('leak_kit', 2, 2), item('chem_suit', 4, 4, '2029-08-31'), item('gas_detector', 4, 2), item('water_curtain', 1, 2)] },
      { id: 'SP-CCR', name: txt('中控室应急柜', 'Control room emergency cabinet'), position: [315, 470, 0], area: 'CCR', items: [item('first_aid', 10, 5, '2029-05-31'), item('scba', 4, 4, '2025-09-30'), item('gas_detector', 3, 2)] },
      { id: 'SP-WH', name: txt('危化品仓库应急物资点', 'Warehouse spill station'), position: [185, 170, 0], area: 'WH', items: [item('absorbent', 50, 40), item('leak_kit', 3, 2), item('foam', 20, 10, '2025-12-31'), item('chem_suit', 2, 2, '2029-12-31')] },
      { id: 'SP-NH3', name: txt('液氨罐区应急柜', 'Ammonia farm emergency cabinet'), position: [662, 175, 0], area: 'TF-NH3', items: [item('scba', 4, 4, '2026-12-20'), item('chem_suit', 2, 4, '2030-02-28'), item('water_curtain', 2, 1), item('gas_detector', 2, 2)] },
      { id: 'SP-LPG', name: txt('液化气罐区应急柜', 'LPG farm emergency cabinet'), position: [662, 65, 0], area: 'TF-LPG', items: [item('foam', 30, 20, '2031-01-31'), item('gas_detector', 4, 2), item('first_aid', 4, 2, '2029-11-30')] },
      { id: 'SP-MNT', name: txt('维修车间抢修物资', 'Workshop repair stores'), position: [70, 345, 0], area: 'MNT', items: [item('leak_kit', 6, 3), item('absorbent', 30, 20), item('first_aid', 4, 2, '2029-03-31')] },
    ],
    needs: {
      toxic_release: { teams: ['hazmat', 'fire_brigade', 'medical', 'security'], materials: ['scba', 'chem_suit', 'leak_kit', 'gas_detector', 'water_curtain'], requires: [] },
      flammable_release: { teams: ['fire_brigade', 'hazmat', 'security'], materials: ['foam', 'gas_detector', 'leak_kit', 'absorbent'], requires: [] },
      fire: { teams: ['fire_brigade', 'medical', 'security'], materials: ['foam', 'scba', 'first_aid'], requires: [] },
      explosion: { teams: ['fire_brigade', 'hazmat', 'medical', 'security'], materials: ['foam', 'scba', 'first_aid'], requires: [] },
      equipment_failure: { teams: ['maintenance'], materials: ['leak_kit', 'absorbent'], requires: [] },
      control_system_failure: { teams: ['maintenance'], materials: [], requires: [] },
      injury: { teams: ['medical'], materials: ['first_aid'], requires: [] },
    },
    walkMS: 1.4,
    roadKmh: 30,
    expiryWarnDays: 30,
    source: 'Fictional reference plant. Teams from people.json by team and role; SCBA wearers must hold a valid breathing-apparatus course (TR-BA); plant road speed 30 km/h is a site rule of the fictional plant; stock minimums are design choices.',
  };
}
