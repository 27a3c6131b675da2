import type { AlarmKind } from '../../shared/alarm/model';
import type { LocalText, TagKind } from '../../shared/plant/primitives';

/** What each alarm kind is called on screen. Gas detectors' H/HH are GB/T 50493's first and second levels. */
const kindText: Readonly<Record<AlarmKind, LocalText>> = {
  HH: { zh: '高高报', en: 'high-high' },
  H: { zh: '高报', en: 'high' },
  L: { zh: '低报', en: 'low' },
  LL: { zh: '低低报', en: 'low-low' },
  ROC: { zh: '变化率报警', en: 'rate of change' },
  BAD: { zh: '信号故障（坏值或失效）', en: 'bad or stale signal' },
  CONFIRMED: { zh: '确认气体泄漏', en: 'confirmed gas release' },
  TRIP: { zh: '联锁动作', en: 'interlock trip' },
  MAN_DOWN: { zh: '人员倒地', en: 'man down' },
  RESTRICTED: { zh: '闯入限制区域', en: 'restricted zone entry' },
  CROWDING: { zh: '人员聚集', en: 'crowding' },
  LONE_WORKER: { zh: '单人作业', en: 'lone worker' },
  SIGNAL_LOST: { zh: '定位信号丢失', en: 'badge signal lost' },
  LOW_BATTERY: { zh: '定位卡电量低', en: 'badge battery low' },
  CONFINED: { zh: '受限空间违规', en: 'confined space breach' },
};

const gasLevelText: Partial<Record<AlarmKind, LocalText>> = {
  H: { zh: '一级报警', en: 'first-level alarm' },
  HH: { zh: '二级报警', en: 'second-level alarm' },
};

/** "R-104 釜压 高高报" / "R-104 pressure high-high": the tag's own name, then the condition. */
export function tagAlarmMessage(name: LocalText, tagKind: TagKind, kind: AlarmKind): LocalText {
  const gas = tagKind === 'gas_combustible' || tagKind === 'gas_toxic';
  const what = (gas ? gasLevelText[kind] : undefined) ?? kindText[kind];
  return { zh: `${name.zh} ${what.zh}`, en: `${name.en} ${what.en}` };
}

/** "GRP-TK-204-A 确认气体泄漏（TK-204 附近，2/3 探测器）". */
export function confirmedMessage(group: string, equipment: string | null, m: number, n: number): LocalText {
  const near = equipment ? { zh: `${equipment} 附近，`, en: ` near ${equipment},` } : { zh: '', en: '' };
  return {
    zh: `${group} 确认气体泄漏（${near.zh}${m}/${n} 探测器）`,
    en: `${group} confirmed gas release (${near.en} ${m} of ${n} detectors)`.replace('( ', '('),
  };
}

export function kindLabel(kind: AlarmKind): LocalText {
  return kindText[kind];
}

/** "English / 中文": Ack messages are read by people in either language. */
export function bilingual(t: LocalText): string {
  return `${t.en} / ${t.zh}`;
}
