import type { PeopleZones } from '../../../shared/people/zones';
import type { Plant } from '../../../shared/plant/schema';
import { txt } from './builder';

/** Areas with units under key supervision (chlorination in the reactors, hydrogenation, chlorine storage). */
const KEY_PROCESS_AREAS = ['RX', 'PROC', 'TF-CL'];

/**
 * Geofences and people-safety thresholds of the reference plant. Zone shapes name areas,
 * buildings and equipment of the built plant, so the ids always resolve.
 */
export function buildPeopleZones(plant: Plant): PeopleZones {
  const need = (kind: 'area' | 'building' | 'equipment', id: string): string => {
    const list: readonly { id: string }[] = kind === 'area' ? plant.areas : kind === 'building' ? plant.buildings : plant.equipment;
    if (!list.some((x) => x.id === id)) throw new Error(`people zones generator: ${kind} ${id} is missing from the plant`);
    return id;
  };
  const production = plant.areas.filter((a) => !['admin', 'control_room', 'fire_station'].includes(a.kind)).map((a) => a.id);
  const confinedSource = 'GB 30871-2022 §6 (受限空间作业): entry only by trained entrants under a permit, gas test ≤ 30 min before entry, a guardian outside throughout (§6.8); the number inside is the permit\'s (design: 2 for tanks and basins, 1 for a reactor manway)';
  return {
    restricted: [
      {
        id: 'RZ-TF-CL',
        name: txt('液氯储存区（限制进入）', 'Chlorine storage (restricted)'),
        shape: { type: 'area', area: need('area', 'TF-CL') },
        authorised: { roles: ['shift_lead', 'hse', 'fire_brigade'], people: [], qualifications: ['SOC-CHLOR'] },
        source: 'design (site rule): toxic major hazard installation (GB 18218-2018, Cl₂ Q = 5 t); only certified chlorination operators (特种作业操作证·氯化工艺作业), shift leads, HSE and the fire brigade enter; local rules cap people in high-hazard places (e.g. 泰应急发〔2024〕4号, ≤ 3) ⚠',
      },
      {
        id: 'RZ-TF-LPG',
        name: txt('液化石油气球罐区（限制进入）', 'LPG spheres (restricted)'),
        shape: { type: 'area', area: need('area', 'TF-LPG') },
        authorised: { roles: ['shift_lead', 'hse', 'fire_brigade'], people: [], qualifications: ['SE-R2'] },
        source: 'design (site rule): flammable major hazard installation; only certified pressure-vessel filling operators (特种设备作业人员证·R2), shift leads, HSE and the fire brigade enter',
      },
      {
        id: 'RZ-SS-01',
        name: txt('总变电所（限制进入）', 'Main substation (restricted)'),
        shape: { type: 'building', building: need('building', 'SS-01') },
        authorised: { roles: [], people: [], qualifications: ['SOC-ELEC'] },
        source: 'design (site rule): switch rooms are entered only by licensed electricians (特种作业操作证·电工作业, 《特种作业人员安全技术培训考核管理规定》)',
      },
      {
        id: 'RZ-HC-01',
        name: txt('氢气压缩机房（限制进入）', 'Hydrogen compressor house (restricted)'),
        shape: { type: 'building', building: need('building', 'HC-01') },
        authorised: { roles: ['shift_lead', 'hse', 'fire_brigade'], people: [], qualifications: ['SOC-HYDRO'] },
        source: 'design (site rule): hydrogenation is a key supervised process (重点监管危险化工工艺); only certified hydrogenation operators (特种作业操作证·加氢工艺作业), shift leads, HSE and the fire brigade enter',
      },
    ],
    confined: [
      {
        id: 'CS-TK-801',
        name: txt('调节池 TK-801 池内', 'Inside equalisation tank TK-801'),
        shape: { type: 'equipment', equipment: need('equipment', 'TK-801'), marginM: 0 },
        maxOccupants: 2,
        authorised: { roles: [], people: [], qualifications: ['TR-CSE'] },
        source: confinedSource,
      },
      {
        id: 'CS-AB-802',
        name: txt('曝气池 AB-802 池内', 'Inside aeration basin AB-802'),
        shape: { type: 'equipment', equipment: need('equipment', 'AB-802'), marginM: 0 },
        maxOccupants: 2,
        authorised: { roles: [], people: [], qualifications: ['TR-CSE'] },
        source: confinedSource,
      },
      {
        id: 'CS-R-104',
        name: txt('反应釜 R-104 釜内', 'Inside reactor R-104'),
        shape: { type: 'equipment', equipment: need('equipment', 'R-104'), marginM: 0 },
        maxOccupants: 1,
        authorised: { roles: [], people: [], qualifications: ['TR-CSE'] },
        source: confinedSource,
      },
    ],
    crowding: {
      radiusM: 15,
      minDurationS: 60,
      defaultMinPeople: 5,
      byArea: Object.fromEntries(KEY_PROCESS_AREAS.map((a) => [need('area', a), 3])),
      areas: production,
      source:
        'MEM 2023 guide on crowding-risk monitoring from personnel positioning (基于人员定位系统的人员聚集风险监测预警建设应用指南（试行）): crowding = people within a radius of at most 15 m for longer than 1 min, watched in process units (pipe racks included), major hazard units and special-work areas ⚠ secondary (MEM interpretation slides); the head count is the enterprise\'s: design 3 in units with key supervised processes (chlorination, hydrogenation, chlorine storage; local rules such as 泰应急发〔2024〕4号 cap those at 2–3 ⚠), 5 elsewhere',
    },
    manDown: {
      stillS: 50,
      stillM: 1,
      exemptAreas: ['ADM', 'CCR', 'FIRE'].map((a) => need('area', a)),
      source:
        'design: the alarm must be up within 60 s of a fall (issue 4): 50 s without movement, plus ≤ 1 s to the next fix and ≤ 1 s to the alarm tick; 1 m is above UWB/BLE fix noise (σ ≈ 0.15–0.5 m) ⚠; offices, the control room and the fire station are exempt (people sit still there); the badge SOS raises it at once anywhere',
    },
    loneWorker: {
      areas: ['CS-TK-801', 'CS-AB-802', 'CS-R-104'],
      buddyRadiusM: 10,
      maxAloneS: 60,
      source:
        'GB 30871-2022 §6.8: confined-space work has a guardian (监护人) outside the entry throughout; design: the guardian is within 10 m of the entrant, and an entrant left alone for more than 1 min raises the alarm',
    },
    badges: {
      signalLostS: 30,
      lowBatteryPct: 20,
      lowBatteryClearPct: 25,
      maxFixesPerS: 10,
      source: 'design: badges report about once a second, so 30 s of silence is ~30 missed fixes ⚠; 20 % leaves roughly a shift of charge ⚠ (vendor figures vary); 10 fixes/s per badge is ten times the normal rate, so only a faulty or replaying gateway hits it',
    },
    occupancyJournalS: 10,
    reminderDays: 30,
  };
}
