import type { Chemical, Plant } from '../../../shared/plant/schema';
import { PlantBuilder, r2 } from './builder';
import { AREAS, EXTENT } from './layout';
import { buildMuster, buildRoads } from './roads';
import type { Standards } from './standards';
import { buildAmmoniaStorage, buildChlorineStorage, buildLpgStorage } from './units/pressurised';
import { buildProcessUnit } from './units/process';
import { buildReactorUnit } from './units/reactors';
import { buildSite } from './units/site';
import { buildLoadingBay, buildWarehouse } from './units/loadingWarehouse';
import { buildTankFarm } from './units/tankFarm';
import { buildInterlocks } from './interlocks';
import { buildNotificationPolicy } from './notificationPolicy';
import { buildPeopleZones } from './peopleZones';
import { buildRiskRegister } from './riskRegister';
import { buildRobots } from './robots';
import { buildInspectionPlans } from './inspectionPlans';
import { buildEmergencyResources } from './emergencyResources';
import { buildIncidentRules } from './incidentRules';
import { buildUtilities, buildWastewater } from './units/services';

/** Chemicals of the plant from the standards data; `source` lists where each number comes from. */
export function chemicalsFromStandards(std: Standards): Chemical[] {
  const airM = std.placement.densityClass.airMolarMass;
  return std.chemicals.map((c) => {
    const sources = [`molar mass: ${c.molarMass.source}`];
    if (c.lelPctVol) sources.push(`LEL: ${c.lelPctVol.source}`);
    if (c.oelMgM3) sources.push(`OEL: ${c.oelMgM3.source}`);
    if (c.idlhMgM3) sources.push(`IDLH: ${c.idlhMgM3.source}`);
    sources.push(`density ratio = M ÷ ${airM.value}: ${airM.source}`);
    return {
      id: c.id,
      name: c.name,
      formula: c.formula,
      cas: c.cas,
      ...(c.un !== undefined ? { un: c.un } : {}),
      hazards: c.hazards,
      molarMass: c.molarMass.value,
      ...(c.lelPctVol ? { lelPctVol: c.lelPctVol.value } : {}),
      ...(c.oelMgM3 ? { oelMgM3: c.oelMgM3.value } : {}),
      ...(c.idlhMgM3 ? { idlhMgM3: c.idlhMgM3.value } : {}),
      densityRatio: r2(c.molarMass.value / airM.value),
      source: sources.join('; '),
    };
  });
}

/**
 * The reference plant "Vigil Reference Fine Chemicals". Pure and deterministic: the same
 * standards data always gives the same plant, in the same order.
 */
export function buildReferencePlant(std: Standards): Plant {
  const b = new PlantBuilder(chemicalsFromStandards(std));
  for (const a of Object.values(AREAS)) b.area(a);
  buildSite(b, std);
  buildUtilities(b, std);
  buildWastewater(b, std);
  buildReactorUnit(b, std);
  buildProcessUnit(b, std);
  buildChlorineStorage(b, std);
  buildWarehouse(b, std);
  buildLoadingBay(b, std);
  buildTankFarm(b, std);
  buildAmmoniaStorage(b, std);
  buildLpgStorage(b, std);
  const plant: Plant = {
    meta: {
      id: 'reference',
      name: { zh: '维吉尔参考精细化工厂', en: 'Vigil Reference Fine Chemicals' },
      description: {
        zh: '虚构的 50 万吨/年精细化工厂，用于 Vigil 的演示、测试与演练：间歇反应、溶剂回收、加氢、罐区、液氯、液氨、液化石油气、危化品仓库与装车站。',
        en: 'A fictional 500 kt/yr fine-chemical plant for demonstrating, testing and drilling Vigil: batch reactors, solvent recovery, hydrogenation, tank farm, chlorine, ammonia, LPG, hazmat warehouse and truck loading.',
      },
      capacityKtPerYear: 500,
      extent: EXTENT,
      timezone: 'Asia/Shanghai',
      version: 1,
    },
    chemicals: [...b.chemicals],
    areas: b.areas,
    buildings: b.buildings,
    equipment: b.equipment,
    roads: buildRoads(),
    muster: buildMuster(),
    tags: b.tags,
  };
  // Derived from the built plant so that their ids always name real tags, equipment and areas.
  return {
    ...plant,
    interlocks: buildInterlocks(plant),
    risks: buildRiskRegister(plant),
    notifications: buildNotificationPolicy(plant),
    peopleZones: buildPeopleZones(plant),
    robots: buildRobots(plant),
    inspectionPlans: buildInspectionPlans(plant),
    emergencyResources: buildEmergencyResources(plant),
    incidentRules: buildIncidentRules(plant),
  };
}
