import type { AlarmKind } from '../../shared/alarm/model';
import { alarmPriority, fallbackPriority } from '../../shared/alarm/priority';
import type { PeopleGeometry } from '../../shared/people/compileZones';
import type { GeoChange } from '../../shared/people/geoChanges';
import { personRoleText, type Person, type Team } from '../../shared/people/registry';
import type { AlarmSettings } from '../../shared/plant/alarmConfig';
import type { LocalText, Vec3 } from '../../shared/plant/primitives';
import type { ExternalAlarmDef } from '../alarm/alarmDef';

/** Where people alarms go: the alarm engine's entry for externally evaluated conditions. */
export interface ExternalAlarmSink {
  setExternal(def: ExternalAlarmDef, active: boolean, value: number | null, time: number): void;
}

/** Alarm source of an area's crowding alarm. */
export const crowdSource = (areaId: string): string => `CROWD.${areaId}`;

const r1 = (v: number): number => Math.round(v * 10) / 10;

/**
 * Turns geofence changes into alarm definitions with bilingual messages naming the person
 * (name, role, team) or the place. Keeps the definition each alarm was raised with, so that
 * its clear carries the same message.
 */
export class PeopleAlarmTexts {
  private readonly raised = new Map<string, ExternalAlarmDef>();

  constructor(
    private readonly geo: PeopleGeometry,
    private readonly areaNames: readonly LocalText[],
    private readonly settings: AlarmSettings | undefined,
  ) {}

  private priority(kind: AlarmKind): ExternalAlarmDef['priority'] {
    return this.settings ? alarmPriority(this.settings, null, kind) : fallbackPriority[kind];
  }

  /** The definition for a change, or the one it was raised with when it clears. */
  def(c: Exclude<GeoChange, { type: 'zone' }>, who: { person: Person; team: Team | undefined; position: Vec3; areaSlot: number } | null): ExternalAlarmDef {
    const id = c.type === 'person' ? `${who!.person.id}:${c.kind}` : c.kind === 'CROWDING' ? `${crowdSource(this.geo.areaIds[c.index]!)}:CROWDING` : `${this.geo.zones[c.index]!.id}:CONFINED`;
    if (!c.active) {
      const before = this.raised.get(id);
      this.raised.delete(id);
      if (before) return before;
    }
    const def = c.type === 'person' ? this.personDef(id, c, who!) : this.placeDef(id, c);
    if (c.active) this.raised.set(id, def);
    return def;
  }

  private areaId(slot: number): string {
    return this.geo.areaIds[slot] ?? '';
  }

  private areaName(slot: number): LocalText {
    return this.areaNames[slot] ?? { zh: '道路', en: 'the roads' };
  }

  private personDef(id: string, c: Extract<GeoChange, { type: 'person' }>, who: { person: Person; team: Team | undefined; position: Vec3; areaSlot: number }): ExternalAlarmDef {
    const p = who.person;
    const role = personRoleText[p.role];
    const team = who.team?.name ?? { zh: p.team, en: p.team };
    const zh = `${p.name.zh}（${role.zh}，${team.zh}）`;
    const en = `${p.name.en} (${role.en}, ${team.en})`;
    const where = this.areaName(who.areaSlot);
    let area = this.areaId(who.areaSlot);
    let message: LocalText;
    let unit: string | null = null;
    switch (c.kind) {
      case 'MAN_DOWN':
        message = c.sos
          ? { zh: `${zh}在${where.zh}按下 SOS 求救`, en: `${en} pressed SOS in ${where.en}` }
          : { zh: `${zh}疑似倒地：在${where.zh} ${c.value} 秒无移动`, en: `${en} may be down: no movement for ${c.value} s in ${where.en}` };
        unit = 's';
        break;
      case 'RESTRICTED': {
        const zone = this.geo.zones[c.value];
        if (zone && zone.area >= 0) area = this.areaId(zone.area);
        const name = zone?.name ?? { zh: '限制区域', en: 'a restricted zone' };
        message = { zh: `${zh}未经授权进入${name.zh}`, en: `${en} entered ${name.en} without authorisation` };
        break;
      }
      case 'LONE_WORKER':
        message = { zh: `${zh}在${where.zh}单人作业已超过 ${c.value} 秒，附近无监护人`, en: `${en} working alone in ${where.en} for ${c.value} s, no guardian nearby` };
        unit = 's';
        break;
      case 'SIGNAL_LOST':
        message = { zh: `${zh}定位卡 ${p.badge} 信号丢失 ${c.value} 秒，最后位置：${where.zh}`, en: `${en}: badge ${p.badge} silent for ${c.value} s, last seen in ${where.en}` };
        unit = 's';
        break;
      case 'LOW_BATTERY':
        message = { zh: `${zh}定位卡 ${p.badge} 电量低（${c.value}%）`, en: `${en}: badge ${p.badge} battery low (${c.value} %)` };
        unit = '%';
        break;
    }
    return { id, kind: c.kind, source: p.id, area, equipment: null, priority: this.priority(c.kind), position: [r1(who.position[0]), r1(who.position[1]), r1(who.position[2])], message, unit };
  }

  private placeDef(id: string, c: Extract<GeoChange, { type: 'place' }>): ExternalAlarmDef {
    if (c.kind === 'CROWDING') {
      const areaId = this.geo.areaIds[c.index]!;
      const name = this.areaName(c.index);
      const r = this.geo.rules;
      return {
        id,
        kind: 'CROWDING',
        source: crowdSource(areaId),
        area: areaId,
        equipment: null,
        priority: this.priority('CROWDING'),
        position: [r1(c.x), r1(c.y), 0],
        message: {
          zh: `${name.zh}人员聚集：${r.crowdRadiusM} 米内 ${c.value} 人超过 ${r.crowdMinDurationS} 秒（阈值 ${r.crowdMinPeople[c.index]} 人）`,
          en: `Crowding in ${name.en}: ${c.value} people within ${r.crowdRadiusM} m for over ${r.crowdMinDurationS} s (threshold ${r.crowdMinPeople[c.index]})`,
        },
        unit: null,
      };
    }
    const zone = this.geo.zones[c.index]!;
    const max = zone.maxOccupants;
    const un = c.unauthorised ?? 0;
    return {
      id,
      kind: 'CONFINED',
      source: zone.id,
      area: zone.area >= 0 ? this.areaId(zone.area) : '',
      equipment: null,
      priority: this.priority('CONFINED'),
      position: zone.centre,
      message: {
        zh: `${zone.name.zh}：内有 ${c.value} 人（上限 ${max}）${un > 0 ? `，其中 ${un} 人未经授权` : ''}`,
        en: `${zone.name.en}: ${c.value} inside (at most ${max})${un > 0 ? `, ${un} not authorised` : ''}`,
      },
      unit: null,
    };
  }
}
