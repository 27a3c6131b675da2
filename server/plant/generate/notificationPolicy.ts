import type { NotificationPolicy } from '../../../shared/plant/alarmConfig';
import type { Plant } from '../../../shared/plant/schema';
import { txt } from './builder';

type Recipient = NotificationPolicy['recipients'][number];

/** Field operator posts of the fictional plant: who walks which areas. Names are invented. */
const POSTS: { id: string; zh: string; en: string; areas: string[] }[] = [
  { id: 'FO-RX', zh: '王磊（反应外操）', en: 'Wang Lei (reactor field operator)', areas: ['RX'] },
  { id: 'FO-PROC', zh: '李娜（精馏加氢外操）', en: 'Li Na (distillation and hydrogenation field operator)', areas: ['PROC', 'PR'] },
  { id: 'FO-CL', zh: '张伟（液氯外操）', en: 'Zhang Wei (chlorine storage field operator)', areas: ['TF-CL'] },
  { id: 'FO-TF', zh: '刘洋（罐区外操）', en: 'Liu Yang (tank farm field operator)', areas: ['TF-D1', 'TF-D2', 'TF-D3', 'TF-D4'] },
  { id: 'FO-GAS', zh: '陈静（液化气体罐区外操）', en: 'Chen Jing (LPG and ammonia field operator)', areas: ['TF-LPG', 'TF-NH3'] },
  { id: 'FO-WH', zh: '杨帆（仓储装卸外操）', en: 'Yang Fan (warehouse and loading field operator)', areas: ['WH', 'LOAD'] },
  { id: 'FO-UTL', zh: '赵强（公用工程外操）', en: 'Zhao Qiang (utilities field operator)', areas: ['UTL', 'WWT', 'FIRE', 'CCR', 'ADM', 'MNT'] },
];

/**
 * The reference plant's graded-push policy (分级预警): the area's field operator first, the
 * shift lead with him for priorities 1–2, escalation to the HSE manager and the plant manager
 * while an alarm stays unacknowledged; diagnostics go to the instrument technician. Times are
 * the fictional plant's alarm response procedure.
 */
export function buildNotificationPolicy(plant: Plant): NotificationPolicy {
  const areas = new Set(plant.areas.map((a) => a.id));
  for (const p of POSTS) for (const a of p.areas) if (!areas.has(a)) throw new Error(`notification policy generator: area ${a} is missing from the plant`);
  const covered = new Set(POSTS.flatMap((p) => p.areas));
  const uncovered = [...areas].filter((a) => !covered.has(a));
  if (uncovered.length > 0) throw new Error(`notification policy generator: no field operator for ${uncovered.join(', ')}`);
  const recipients: Recipient[] = [
    ...POSTS.map((p): Recipient => ({ id: p.id, name: txt(p.zh, p.en), role: 'field_operator', areas: p.areas, channels: ['console', 'webhook'] })),
    { id: 'SL-1', name: txt('周敏（值班长）', 'Zhou Min (shift lead)'), role: 'shift_lead', areas: '*', channels: ['console', 'webhook'] },
    { id: 'HSE-1', name: txt('吴刚（安全环保经理）', 'Wu Gang (HSE manager)'), role: 'hse_manager', areas: '*', channels: ['console', 'webhook'] },
    { id: 'PM-1', name: txt('孙丽（厂长）', 'Sun Li (plant manager)'), role: 'plant_manager', areas: '*', channels: ['webhook'] },
    { id: 'MT-1', name: txt('郑浩（仪表维护）', 'Zheng Hao (instrument technician)'), role: 'maintenance', areas: '*', channels: ['console', 'webhook'] },
  ];
  return {
    recipients,
    rules: [
      {
        priorities: [1],
        notify: ['field_operator', 'shift_lead'],
        escalate: [
          { afterS: 120, to: 'hse_manager' },
          { afterS: 600, to: 'plant_manager' },
        ],
      },
      { priorities: [2], notify: ['field_operator', 'shift_lead'], escalate: [{ afterS: 120, to: 'hse_manager' }] },
      { priorities: [3], notify: ['field_operator'], escalate: [{ afterS: 300, to: 'shift_lead' }] },
      { priorities: [4], notify: ['maintenance'], escalate: [{ afterS: 3600, to: 'shift_lead' }] },
    ],
    consolidation: { windowS: 60, maxSingles: 5 },
    source:
      'design: Vigil reference plant alarm response procedure (fictional): priority 1–2 answered within 2 min or the HSE manager is told, priority 1 within 10 min or the plant manager; a detector left failed for 1 h goes to the shift lead (missing detection is a 重大事故隐患, 安监总管三〔2017〕121号 item 12, DOMAIN.md §3.1)',
  };
}
