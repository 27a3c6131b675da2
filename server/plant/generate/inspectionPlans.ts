import type { InspectionPlan, InspectionPlansFile } from '../../../shared/hazard/inspection';
import type { HazardCategory } from '../../../shared/hazard/model';
import type { Plant } from '../../../shared/plant/schema';
import { txt } from './builder';

/**
 * Inspection plans (排查计划) of the reference plant: per-area checklists with frequencies that
 * the server turns into scheduled tasks (docs/hazards.md §Inspection plans). Areas and equipment
 * named in the texts are checked against the built plant, so the ids always resolve.
 *
 * Frequencies follow 《危险化学品企业安全风险隐患排查治理导则》(应急〔2019〕78号, which replaced
 * 安监总管三〔2012〕103号) as restated in secondary sources ⚠ — check the current text:
 * operators' field rounds ≤ 2 h apart, ≤ 1 h at units and sites involving 两重点一重大; electrical,
 * instrument and equipment staff on site at least twice a day; a workshop-level screening at least
 * weekly. Grace times (how late a round may be before it counts as missed) are this plant's choice.
 */

const GUIDE = '应急〔2019〕78号《危险化学品企业安全风险隐患排查治理导则》 (replacing 安监总管三〔2012〕103号) ⚠ secondary, check the current text';

type Check = { id: string; zh: string; en: string; category: HazardCategory };
const c = (id: string, zh: string, en: string, category: HazardCategory): Check => ({ id, zh, en, category });

/** Checks every field round ends with. */
const ROUND_COMMON: Check[] = [
  c('GD', '可燃/有毒气体检测器显示正常，无故障灯、无屏蔽', 'Combustible and toxic gas detectors read normal, no fault lamp, none inhibited', 'gas_detection'),
  c('ESC', '疏散通道、消防通道畅通，应急器材（洗眼器、空气呼吸器）完好', 'Escape routes and fire lanes clear; emergency equipment (eyewash, SCBA) in place', 'fire'),
  c('IGN', '无违章动火、无未办票作业、无无关人员', 'No hot work or other special work without a permit; no unauthorised people', 'behaviour'),
];

/** Why an area counts as 两重点一重大 (hourly rounds). */
const KEY_AREAS: Record<string, string> = {
  RX: 'chlorination is a key supervised hazardous process (重点监管危险化工工艺)',
  PROC: 'hydrogenation is a key supervised hazardous process (重点监管危险化工工艺)',
  'TF-CL': 'liquid chlorine storage, a major hazard installation (GB 18218-2018, Cl₂ Q = 5 t)',
  'TF-NH3': 'ammonia spheres, a major hazard installation (GB 18218-2018, NH₃ Q = 10 t)',
  'TF-LPG': 'LPG spheres, a major hazard installation (GB 18218-2018, LPG Q = 50 t)',
  'TF-D1': 'benzene and toluene tanks of thousands of tonnes, a major hazard installation (GB 18218-2018, benzene Q = 50 t)',
  'TF-D2': 'toluene and acetone tanks of thousands of tonnes, a major hazard installation (GB 18218-2018, toluene Q = 500 t)',
  'TF-D3': 'methanol tanks of thousands of tonnes, a major hazard installation (GB 18218-2018 ⚠ Q for methanol)',
  'TF-D4': 'ethanol tanks of thousands of tonnes, a major hazard installation (GB 18218-2018 ⚠ Q for ethanol)',
};

const DIKE_CHECKS: Check[] = [
  c('DIKE', '防火堤完好无裂缝，雨水排放阀关闭', 'Dike wall intact without cracks; rainwater drain valve closed', 'equipment'),
  c('LEAK', '储罐根部阀、机泵密封、法兰无泄漏', 'No leaks at tank root valves, pump seals and flanges', 'equipment'),
  c('VENT', '呼吸阀、阻火器无堵塞、无冻结', 'Breathing valves and flame arresters free, not iced', 'equipment'),
  c('FOAM', '泡沫灭火及冷却喷淋系统阀门处于正确位置', 'Foam and cooling-spray valves in their set positions', 'fire'),
];

/** Area-specific checks of each field round. */
const ROUND_CHECKS: Record<string, Check[]> = {
  RX: [
    c('PV', '反应釜温度、压力现场指示与 DCS 一致', 'Reactor temperatures and pressures in the field agree with the DCS', 'process'),
    c('AGIT', '搅拌、冷却水运行正常，无异响异振', 'Agitators and cooling water running, no abnormal noise or vibration', 'equipment'),
    c('CL2', '通氯管线及尾气吸收装置正常投用', 'Chlorine feed lines and tail-gas scrubber in service', 'process'),
    c('LEAK', '釜盖、人孔、法兰、机泵密封无泄漏', 'No leaks at covers, manways, flanges and pump seals', 'equipment'),
  ],
  PROC: [
    c('PV', '精馏塔压力、液位现场指示与 DCS 一致', 'Column pressures and levels in the field agree with the DCS', 'process'),
    c('HC', '氢气压缩机房通风运行，氢气检测器正常', 'Hydrogen compressor house ventilation running, hydrogen detectors normal', 'gas_detection'),
    c('LEAK', '机泵密封、换热器法兰无泄漏', 'No leaks at pump seals and exchanger flanges', 'equipment'),
  ],
  'TF-CL': [
    c('PV', '液氯储罐压力、重量与 DCS 一致，无超装', 'Chlorine tank pressures and weights agree with the DCS; no overfilling', 'process'),
    c('NH3W', '用氨水检查阀门、接头无氯气泄漏（无白烟）', 'Ammonia-water test of valves and joints shows no chlorine leak (no white fume)', 'equipment'),
    c('ABS', '事故氯吸收（碱液）装置处于备用状态', 'Emergency chlorine absorption (caustic) system on standby', 'process'),
  ],
  'TF-NH3': [
    c('PV', '球罐压力、液位、温度与 DCS 一致', 'Sphere pressure, level and temperature agree with the DCS', 'process'),
    c('SPRAY', '水喷淋系统完好、阀门在备用位置', 'Water-spray system intact, valves on standby', 'fire'),
    c('LEAK', '无氨味，根部阀、液位计无泄漏', 'No ammonia smell; no leaks at root valves and level gauges', 'equipment'),
  ],
  'TF-LPG': [
    c('PV', '球罐压力、液位与 DCS 一致', 'Sphere pressure and level agree with the DCS', 'process'),
    c('SPRAY', '喷淋、固定水炮完好备用', 'Spray system and fixed monitors intact and ready', 'fire'),
    c('FROST', '管线无结霜（泄漏迹象），根部紧急切断阀在位', 'No frost on lines (a leak sign); root emergency shut-off valves in place', 'equipment'),
    c('FLARE', '火炬 FL-409 长明灯点燃', 'Flare FL-409 pilot burning', 'process'),
  ],
  'TF-D1': DIKE_CHECKS,
  'TF-D2': DIKE_CHECKS,
  'TF-D3': DIKE_CHECKS,
  'TF-D4': DIKE_CHECKS,
  WH: [
    c('TH', '库房温湿度在规定范围内', 'Store temperature and humidity within limits', 'process'),
    c('SEG', '禁忌物料分区分类存放，堆垛间距符合要求', 'Incompatible goods kept apart; stack spacing kept', 'management'),
    c('SPILL', '包装无破损泄漏，吸附材料、应急器材齐全', 'No damaged or leaking packages; spill kits complete', 'housekeeping'),
    c('EX', '通风及防爆灯具运行正常', 'Ventilation and explosion-proof lights working', 'electrical'),
  ],
  LOAD: [
    c('EARTH', '静电接地夹及接地监测器完好', 'Static earthing clamps and earth monitors working', 'electrical'),
    c('ARM', '装卸臂无泄漏，紧急停车按钮可达', 'Loading arms not leaking; emergency stop within reach', 'equipment'),
    c('TRUCK', '装车时车辆熄火、轮挡到位', 'Trucks switched off and chocked while loading', 'behaviour'),
  ],
  UTL: [
    c('BOIL', '锅炉水位、压力正常，安全阀在校验期内', 'Boiler water level and pressure normal; safety valves within test date', 'equipment'),
    c('AIR', '仪表风、氮气压力正常', 'Instrument air and nitrogen pressures normal', 'process'),
    c('CT', '冷却塔风机无异响异振', 'Cooling-tower fans without abnormal noise or vibration', 'equipment'),
  ],
  WWT: [
    c('LEVEL', '各池液位正常，无溢流', 'Basin levels normal, no overflow', 'process'),
    c('H2S', '调节池硫化氢检测器正常', 'Hydrogen sulphide detectors at the equalisation tank normal', 'gas_detection'),
    c('CS', '受限空间盖板关闭、警示标识齐全', 'Confined-space covers closed and signed', 'management'),
  ],
};

const PROFESSIONAL_CHECKS: Check[] = [
  c('GDCAL', '气体检测器无坏值，标定在有效期内', 'Gas detectors without bad readings and within calibration date', 'gas_detection'),
  c('SIS', '紧急切断阀、联锁处于投用状态，无未经审批的旁路', 'Emergency shut-off valves and interlocks in service; no unapproved bypass', 'process'),
  c('EXP', '防爆电气外壳完好，电缆引入密封', 'Explosion-proof enclosures intact, cable glands sealed', 'electrical'),
  c('STATIC', '防雷、防静电接地连接完好', 'Lightning and static earthing connections intact', 'electrical'),
];

const WEEKLY_CHECKS: Check[] = [
  c('PERMIT', '本周特殊作业票证已按规定关闭归档', "The week's special-work permits closed and filed as required", 'management'),
  c('SIGN', '安全警示标识、应急器材完好', 'Safety signs and emergency equipment in order', 'fire'),
  c('CERT', '在岗人员特种作业证、培训在有效期内', 'Special-operation certificates and training of people on duty valid', 'management'),
  c('FIXED', '已销号隐患的整改效果保持', 'Rectifications of closed hazards still holding', 'management'),
];

function plan(p: Omit<InspectionPlan, 'checks' | 'graceHours'> & { graceHours: number; checks: Check[] }): InspectionPlan {
  return { ...p, checks: p.checks.map((x) => ({ id: x.id, text: txt(x.zh, x.en), category: x.category })) };
}

/** Every check id within a plan must be unique (the plan's schema does not say so; the generator does). */
function unique(checks: Check[]): Check[] {
  const seen = new Set<string>();
  return checks.filter((x) => (seen.has(x.id) ? false : (seen.add(x.id), true)));
}

export function buildInspectionPlans(plant: Plant): InspectionPlansFile {
  const area = (id: string): { id: string; zh: string; en: string } => {
    const a = plant.areas.find((x) => x.id === id);
    if (!a) throw new Error(`inspection plans generator: area ${id} is missing from the plant`);
    return { id, zh: a.name.zh, en: a.name.en };
  };
  for (const eq of ['FL-409', 'TK-901', 'TK-902', 'P-903', 'P-904', 'P-905']) {
    if (!plant.equipment.some((e) => e.id === eq)) throw new Error(`inspection plans generator: equipment ${eq} is missing from the plant`);
  }
  const plans: InspectionPlan[] = [];
  for (const [id, checks] of Object.entries(ROUND_CHECKS)) {
    const a = area(id);
    const key = KEY_AREAS[id];
    plans.push(
      plan({
        id: `IP-${id}-ROUND`,
        name: txt(`${a.zh}操作工巡检`, `${a.en}: operator round`),
        area: id,
        everyHours: key ? 1 : 2,
        graceHours: key ? 0.5 : 1,
        performerRole: 'operator',
        checks: unique([...checks, ...ROUND_COMMON]),
        source: key ? `${GUIDE}: rounds ≤ 1 h apart at 两重点一重大 — ${key}; grace 30 min: design` : `${GUIDE}: operator rounds ≤ 2 h apart; grace 1 h: design`,
      }),
    );
  }
  for (const id of Object.keys(KEY_AREAS)) {
    const a = area(id);
    plans.push(
      plan({
        id: `IP-${id}-EI`,
        name: txt(`${a.zh}电气仪表专业检查`, `${a.en}: electrical and instrument check`),
        area: id,
        everyHours: 12,
        graceHours: 4,
        performerRole: 'maintenance',
        checks: PROFESSIONAL_CHECKS,
        source: `${GUIDE}: electrical, instrument and equipment staff check the site at least twice a day (applied here to the 两重点一重大 areas); grace 4 h: design`,
      }),
    );
  }
  for (const id of [...Object.keys(KEY_AREAS), 'WH']) {
    const a = area(id);
    plans.push(
      plan({
        id: `IP-${id}-WEEK`,
        name: txt(`${a.zh}车间级周排查`, `${a.en}: weekly workshop screening`),
        area: id,
        everyHours: 168,
        graceHours: 48,
        performerRole: 'shift_lead',
        checks: WEEKLY_CHECKS,
        source: `${GUIDE}: the workshop organises a hazard screening at least once a week; grace 2 days: design`,
      }),
    );
  }
  const fire = area('FIRE');
  plans.push(
    plan({
      id: 'IP-FIRE-DAY',
      name: txt(`${fire.zh}消防设施日巡查`, `${fire.en}: daily fire-equipment patrol`),
      area: 'FIRE',
      everyHours: 24,
      graceHours: 4,
      performerRole: 'fire_brigade',
      checks: [
        c('WATER', '消防水罐 TK-901/TK-902 液位正常', 'Fire-water tanks TK-901/TK-902 at normal level', 'fire'),
        c('PUMPS', '消防泵 P-903/P-904/P-905 处于自动、电源正常', 'Fire pumps P-903/P-904/P-905 in auto with power on', 'fire'),
        c('FOAM', '泡沫液储量充足、消防车完好', 'Foam stock sufficient; fire engines ready', 'fire'),
      ],
      source: 'GB 25201-2010《建筑消防设施的维护管理》: fire-protection facilities are patrolled daily ⚠ secondary; grace 4 h: design',
    }),
  );
  const pr = area('PR');
  plans.push(
    plan({
      id: 'IP-PR-DAY',
      name: txt(`${pr.zh}日巡检`, `${pr.en}: daily walk`),
      area: 'PR',
      everyHours: 24,
      graceHours: 4,
      performerRole: 'maintenance',
      checks: [
        c('SUPPORT', '管架、支吊架无变形、无严重腐蚀', 'Rack and pipe supports not deformed or badly corroded', 'equipment'),
        c('LEAK', '管线、法兰无泄漏，无遗留临时软管', 'No leaks at lines and flanges; no temporary hoses left connected', 'equipment'),
      ],
      source: `design: the rack carries lines between the units already walked hourly; a daily walk of its length (${GUIDE} asks for rounds of production sites; the rack has no operator of its own)`,
    }),
  );
  return { version: 1, plans };
}
