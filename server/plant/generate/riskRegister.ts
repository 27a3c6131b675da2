import type { RiskGrade, RiskPoint } from '../../../shared/plant/alarmConfig';
import type { LocalText, Plant } from '../../../shared/plant/schema';
import { txt } from './builder';

/**
 * The four-colour risk register (风险分级管控) of the reference plant: one risk unit per area,
 * its equipment taken from the generated plant. Grades: 重大 red, 较大 orange, 一般 yellow,
 * 低 blue (安委办〔2016〕11号 via DOMAIN.md §4). The LEC cut-offs are the plant's own (local,
 * DOMAIN.md §4): D ≥ 320 red, 160–320 orange, 70–160 yellow, < 70 blue. HAZOP nodes and LOPA
 * scenarios are those of the fictional plant's studies.
 */

const GRADES_SOURCE = 'grades: 安委办〔2016〕11号 four colours (DOMAIN.md §4)';
const LEC_SOURCE = `${GRADES_SOURCE}; LEC cut-offs set locally: D ≥ 320 red, 160–320 orange, 70–160 yellow, < 70 blue`;
const MHS_SOURCE = `${GRADES_SOURCE}; major hazard source by GB 18218-2018 (S = Σq/Q ≥ 1, §4.2.1)`;

interface Spec {
  area: string;
  grade: RiskGrade;
  assessment: RiskPoint['assessment'];
  name: LocalText;
  hazards: LocalText;
  controls: LocalText[];
  source: string;
}

const SPECS: Spec[] = [
  {
    area: 'TF-CL',
    grade: 'red',
    assessment: { method: 'LOPA', reference: 'LOPA-TK-301-02, HAZOP node CL-01 (liquid chlorine storage and vaporisation)' },
    name: txt('液氯储存单元', 'Liquid chlorine storage'),
    hazards: txt('液氯泄漏致大范围中毒（重大危险源，三台卧罐约 480 t）', 'Chlorine release with wide-area toxic exposure (major hazard source, three bullets ≈ 480 t)'),
    controls: [
      txt('储罐压力高高联锁关闭进料紧急切断阀（SIL 2）', 'Bullet pressure HH trip closes the inlet emergency shut-off valve (SIL 2)'),
      txt('有毒气体检测器按 GB/T 50493 布置，2oo3 确认', 'Toxic gas detectors to GB/T 50493, 2oo3 confirmation'),
      txt('事故氯气碱液吸收塔 C-308 常备', 'Emergency caustic scrubber C-308 kept ready'),
    ],
    source: `${MHS_SOURCE}; 安监总管三〔2017〕121号 item 5 (independent SIS)`,
  },
  {
    area: 'TF-LPG',
    grade: 'red',
    assessment: { method: 'LOPA', reference: 'LOPA-SP-401-01 (sphere overfill), HAZOP node LPG-01' },
    name: txt('液化石油气球罐单元', 'LPG spheres'),
    hazards: txt('液化石油气泄漏、蒸气云爆炸、沸腾液体扩展蒸气爆炸（BLEVE）', 'LPG release, vapour cloud explosion, BLEVE'),
    controls: [
      txt('独立液位高高联锁关闭进料紧急切断阀（SIL 2）', 'Independent level HH trip closes the inlet emergency shut-off valve (SIL 2)'),
      txt('可燃气体检测器与喷淋冷却系统', 'Combustible gas detectors and deluge cooling'),
      txt('火炬 FL-409 泄放', 'Relief to flare FL-409'),
    ],
    source: `${MHS_SOURCE}; 安监总管三〔2017〕121号 item 5 (independent SIS)`,
  },
  {
    area: 'TF-NH3',
    grade: 'red',
    assessment: { method: 'LOPA', reference: 'LOPA-SP-311-01 (sphere overfill), HAZOP node NH3-01' },
    name: txt('液氨球罐单元', 'Ammonia spheres'),
    hazards: txt('液氨泄漏致中毒，与空气混合可燃', 'Ammonia release: toxic exposure, flammable in air'),
    controls: [
      txt('独立液位高高联锁关闭进料紧急切断阀（SIL 2）', 'Independent level HH trip closes the inlet emergency shut-off valve (SIL 2)'),
      txt('有毒气体检测器与水幕', 'Toxic gas detectors and water curtain'),
    ],
    source: `${MHS_SOURCE}; 安监总管三〔2017〕121号 item 5 (independent SIS)`,
  },
  {
    area: 'RX',
    grade: 'orange',
    assessment: { method: 'HAZOP', reference: 'HAZOP node RX-01 (semi-batch reaction: dosing, heat removal, agitation); LOPA-R-101-01 … LOPA-R-116-01' },
    name: txt('间歇反应单元', 'Batch reactor unit'),
    hazards: txt('进料累积致反应失控、超压，溶剂蒸气火灾爆炸', 'Runaway and overpressure from feed accumulation; solvent vapour fire and explosion'),
    controls: [
      txt('釜压高高联锁：关进料阀、停搅拌（SIL 2）', 'Reactor pressure HH trip: feed valve closed, agitator stopped (SIL 2)'),
      txt('冗余温度测量与紧急冷却', 'Redundant temperature measurement and emergency cooling'),
      txt('氮封惰化', 'Nitrogen inerting'),
    ],
    source: `${GRADES_SOURCE}; 安监总管三〔2009〕116号 key supervised processes (recalled ⚠ verify)`,
  },
  {
    area: 'PROC',
    grade: 'orange',
    assessment: { method: 'HAZOP', reference: 'HAZOP nodes PROC-01 (distillation), PROC-02 (hydrogenation R-424); LOPA-R-424-01' },
    name: txt('精馏及加氢单元', 'Distillation and hydrogenation'),
    hazards: txt('氢气泄漏爆炸，加氢反应失控，塔系统超压', 'Hydrogen release and explosion, hydrogenation runaway, column overpressure'),
    controls: [
      txt('加氢釜压力高高联锁（SIL 2）', 'Hydrogenation reactor pressure HH trip (SIL 2)'),
      txt('可燃气体检测与塔顶安全阀', 'Combustible gas detection and column relief valves'),
    ],
    source: `${GRADES_SOURCE}; 安监总管三〔2009〕116号 hydrogenation is a key supervised process (recalled ⚠ verify)`,
  },
  ...(['TF-D1', 'TF-D2', 'TF-D3'] as const).map(
    (area, i): Spec => ({
      area,
      grade: 'orange',
      assessment: { method: 'LEC', reference: `LEC-${area} (L 3 · E 6 · C 15)`, score: 270 },
      name: txt(`罐区 ${i + 1} 号防火堤`, `Tank farm dike ${i + 1}`),
      hazards: txt('易燃液体储罐满溢、泄漏、池火', 'Flammable liquid tank overfill, leak and pool fire'),
      controls: [
        txt('独立液位计高高报警与紧急切断阀', 'Independent level HH alarm and emergency shut-off valves'),
        txt('防火堤与泡沫灭火系统', 'Dike and foam fire-fighting system'),
      ],
      source: LEC_SOURCE,
    }),
  ),
  {
    area: 'TF-D4',
    grade: 'yellow',
    assessment: { method: 'LEC', reference: 'LEC-TF-D4 (L 3 · E 6 · C 7)', score: 126 },
    name: txt('罐区 4 号防火堤', 'Tank farm dike 4'),
    hazards: txt('乙醇储罐泄漏火灾，液碱灼伤', 'Ethanol leak and fire, caustic burns'),
    controls: [txt('液位高报警与紧急切断阀', 'Level H alarm and emergency shut-off valves'), txt('防火堤与洗眼器', 'Dike and eyewash stations')],
    source: LEC_SOURCE,
  },
  {
    area: 'WH',
    grade: 'orange',
    assessment: { method: 'LEC', reference: 'LEC-WH (L 3 · E 10 · C 7)', score: 210 },
    name: txt('危化品仓库', 'Hazmat warehouse'),
    hazards: txt('桶装易燃、有毒化学品泄漏，火灾，叉车碰撞', 'Drummed flammable and toxic chemicals: spills, fire, forklift impact'),
    controls: [
      txt('可燃及有毒气体检测器（每货架 2oo3）', 'Combustible and toxic gas detectors (2oo3 per rack)'),
      txt('机械通风与分区隔离存放', 'Forced ventilation and segregated storage'),
    ],
    source: LEC_SOURCE,
  },
  {
    area: 'LOAD',
    grade: 'orange',
    assessment: { method: 'LEC', reference: 'LEC-LOAD (L 3 · E 6 · C 15)', score: 270 },
    name: txt('装卸站', 'Truck loading bay'),
    hazards: txt('装卸鹤管断开泄漏，静电引燃，液化气槽车泄漏', 'Loading arm break-away and spills, static ignition, LPG or ammonia tanker release'),
    controls: [txt('紧急切断阀与拉断阀', 'Emergency shut-off and break-away couplings'), txt('静电接地监测', 'Static earthing monitors')],
    source: LEC_SOURCE,
  },
  {
    area: 'UTL',
    grade: 'yellow',
    assessment: { method: 'LEC', reference: 'LEC-UTL (L 3 · E 6 · C 7)', score: 126 },
    name: txt('公用工程区', 'Utilities'),
    hazards: txt('锅炉燃气泄漏爆炸，液氮窒息', 'Boiler fuel gas explosion, nitrogen asphyxiation'),
    controls: [txt('燃烧器熄火保护', 'Burner flame-failure protection'), txt('氧含量检测', 'Oxygen monitoring')],
    source: LEC_SOURCE,
  },
  {
    area: 'WWT',
    grade: 'yellow',
    assessment: { method: 'LEC', reference: 'LEC-WWT (L 1 · E 6 · C 15)', score: 90 },
    name: txt('污水处理站', 'Wastewater treatment'),
    hazards: txt('硫化氢积聚中毒，受限空间作业', 'Hydrogen sulphide build-up, confined-space entry'),
    controls: [txt('硫化氢检测器', 'Hydrogen sulphide detectors'), txt('受限空间作业许可', 'Confined-space permits')],
    source: LEC_SOURCE,
  },
  {
    area: 'PR',
    grade: 'yellow',
    assessment: { method: 'LEC', reference: 'LEC-PR (L 1 · E 10 · C 15)', score: 150 },
    name: txt('主管廊', 'Main pipe rack'),
    hazards: txt('管线法兰泄漏，火灾蔓延', 'Flange leaks along the rack, fire spread'),
    controls: [txt('可燃气体检测', 'Combustible gas detection'), txt('定期巡检', 'Routine patrols')],
    source: LEC_SOURCE,
  },
  {
    area: 'CCR',
    grade: 'blue',
    assessment: { method: 'LEC', reference: 'LEC-CCR (L 1 · E 6 · C 7)', score: 42 },
    name: txt('中央控制室', 'Central control room'),
    hazards: txt('外部有毒气体侵入', 'Toxic gas ingress from outside'),
    controls: [txt('抗爆结构、进风口有毒气体检测与正压通风', 'Blast-resistant building, intake gas detection and pressurisation')],
    source: LEC_SOURCE,
  },
];

export function buildRiskRegister(plant: Plant): RiskPoint[] {
  return SPECS.map((s) => {
    if (!plant.areas.some((a) => a.id === s.area)) throw new Error(`risk register generator: area ${s.area} is missing from the plant`);
    return {
      id: `RP-${s.area}`,
      name: s.name,
      area: s.area,
      equipment: plant.equipment.filter((e) => e.area === s.area && e.kind !== 'met_mast').map((e) => e.id),
      inherentGrade: s.grade,
      assessment: s.assessment,
      hazards: s.hazards,
      controls: s.controls,
      source: s.source,
    };
  });
}
