import { dueTimeStep } from '../../shared/hazard/lifecycle';
import { areaAt } from '../../shared/hazard/locate';
import { isOpenHazard, type Evidence, type HazardActor, type HazardCategory } from '../../shared/hazard/model';
import { dueTask, periodStart, taskId } from '../../shared/hazard/schedule';
import type { Tag } from '../../shared/plant/schema';
import { standardById } from '../../shared/robots/standards';
import type { RobotFinding } from '../../shared/robots/model';
import type { PendingEvent } from '../engine/CommandEngine';
import type { TickStage } from '../engine/PlantRuntime';
import type { SampleBatch } from '../sim/types';
import { GasDetectorWatch } from './GasDetectorWatch';
import { sourceKey } from './HazardIndex';
import type { HazardService } from './HazardService';

/** Findings waiting for the next tick; beyond this the oldest are dropped (a runaway robot must not eat memory). */
export const FINDING_QUEUE_LIMIT = 1000;
const SYSTEM: HazardActor = { name: 'system', role: 'admin' };

const sensorText: Record<RobotFinding['sensor'], { zh: string; en: string; category: HazardCategory }> = {
  thermal: { zh: '温度异常', en: 'thermal anomaly', category: 'equipment' },
  gas: { zh: '气体泄漏', en: 'gas reading', category: 'process' },
  noise: { zh: '异响', en: 'abnormal noise', category: 'equipment' },
};

/**
 * The hazard tick stage (docs/hazards.md §Tick): runs every tick after the robots stage and
 * before the alarm stage. Every tick: watch gas-detector samples, turn queued robot findings into
 * reported orders. Every `sweepMs`: overdue and escalation steps of open orders, gas detectors
 * missing for too long or stuck, inspection tasks falling due or missed. No automatic source
 * ever opens a second order while its first is open (HazardIndex.sourceKey).
 */
export class HazardStage implements TickStage {
  readonly name = 'hazards';
  private readonly findings: RobotFinding[] = [];
  private readonly watch: GasDetectorWatch;
  private lastSweep = -Infinity;
  /** Findings dropped because the queue was full (diagnostics). */
  dropped = 0;

  constructor(
    private readonly svc: HazardService,
    private readonly tags: readonly Tag[],
    start: number,
  ) {
    const s = svc.d.settings.sensor;
    this.watch = new GasDetectorWatch(tags, start, s.badAfterS * 1000, s.stuckAfterS * 1000);
  }

  /** Queues a robot finding; the next tick reports it as a hazard (source `robot`). */
  enqueueFinding(f: RobotFinding): void {
    if (this.findings.length >= FINDING_QUEUE_LIMIT) {
      this.findings.shift();
      this.dropped++;
    }
    this.findings.push(f);
  }

  run(batch: SampleBatch, now: number): readonly PendingEvent[] {
    this.watch.observe(batch);
    const events: PendingEvent[] = [];
    const opened = new Set<string>();
    if (this.findings.length > 0) this.drainFindings(now, events, opened);
    if (now - this.lastSweep >= this.svc.d.settings.sweepMs) {
      this.lastSweep = now;
      this.timers(now, events);
      this.detectors(now, events, opened);
      this.inspections(now, events);
    }
    return events;
  }

  private isOpen(key: string, opened: Set<string>): boolean {
    return opened.has(key) || this.svc.index.openFor(key) !== undefined;
  }

  private drainFindings(now: number, events: PendingEvent[], opened: Set<string>): void {
    for (const f of this.findings.splice(0)) {
      const text = sensorText[f.sensor];
      // The finding names its standard by id; the order shows what the standard says and where it comes from.
      const std = this.svc.d.plant.robots ? standardById(this.svc.d.plant.robots.standards, f.standard) : undefined;
      const standard = std ? `${std.text.zh} / ${std.text.en} — ${std.source}` : f.standard;
      const evidence: Evidence = { kind: f.sensor, value: f.value, unit: f.unit.slice(0, 20), limit: f.limit, standard: standard.slice(0, 300), ref: f.id.slice(0, 200), at: f.at };
      const equipment = this.svc.locate.equipment.has(f.equipment) ? f.equipment : null;
      const key = sourceKey({ source: 'robot', sourceRef: f.id, equipment, evidence: [evidence] });
      if (key !== null && this.isOpen(key, opened)) continue;
      const area = f.area ?? areaAt(this.svc.locate, f.position[0], f.position[1]);
      const { event } = this.svc.reportEvent(
        {
          source: 'robot',
          sourceRef: f.id.slice(0, 200),
          title: { zh: `巡检机器人 ${f.robot} 发现${text.zh}：${f.equipment}`, en: `Robot ${f.robot}: ${text.en} at ${f.equipment}` },
          description: `${f.sensor} ${f.value} ${f.unit} ≥ ${f.limit} ${f.unit} (${std ? `${std.text.en}, ${std.source}` : f.standard}) at checkpoint ${f.checkpoint}`.slice(0, 4000),
          category: text.category,
          area,
          equipment,
          position: f.position,
          evidence: [evidence],
          nearMiss: null,
          proposedGrade: f.major ? 'major' : null,
          note: `finding ${f.id}${f.major ? '; proposed major / 建议定为重大隐患' : ''}`,
        },
        { ...SYSTEM, name: `robot:${f.robot}` },
        'system',
        now,
      );
      if (key !== null) opened.add(key);
      events.push(event);
    }
  }

  /** Overdue, then escalation, one step per order per sweep. */
  private timers(now: number, events: PendingEvent[]): void {
    // The state holds every open order (and few closed ones): cheaper than the whole index.
    const { multiples, levels } = this.svc.d.settings.escalation;
    for (const h of Object.values(this.svc.d.engine.state.work?.hazards ?? {})) {
      if (!isOpenHazard(h) || h.deadline === null) continue;
      const step = dueTimeStep(h, now, multiples);
      if (!step) continue;
      const payload =
        step.action === 'overdue'
          ? { action: 'overdue' as const, note: `past the deadline ${new Date(h.deadline).toISOString()} / 已超过整改期限` }
          : { action: 'escalate' as const, level: step.level, note: `escalation level ${step.level}: ${levels[step.level - 1]}` };
      const r = this.svc.transition(h, payload, SYSTEM, 'system', now);
      if (r.ok) events.push(r.data.event);
    }
  }

  private detectors(now: number, events: PendingEvent[], opened: Set<string>): void {
    for (const p of this.watch.problems(now)) {
      const tag = this.tags[p.tag]!;
      const key = `sensor:${tag.id}`;
      if (this.isOpen(key, opened)) continue;
      const bad = p.condition === 'bad';
      const minutes = Math.round((now - p.since) / 60_000);
      const { event } = this.svc.reportEvent(
        {
          source: 'sensor',
          sourceRef: tag.id,
          title: bad
            ? { zh: `气体检测器 ${tag.id} 失效（无有效读数）`, en: `Gas detector ${tag.id} out of service (no good reading)` }
            : { zh: `气体检测器 ${tag.id} 读数冻结`, en: `Gas detector ${tag.id} reading frozen` },
          description: bad
            ? `no good sample for ${minutes} min; detection at this point is missing (安监总管三〔2017〕121号 item 12)`
            : `the same value for ${minutes} min; a live detector's reading moves (安监总管三〔2017〕121号 item 12)`,
          category: 'gas_detection',
          area: tag.area,
          equipment: tag.equipment !== undefined && this.svc.locate.equipment.has(tag.equipment) ? tag.equipment : null,
          position: tag.position,
          evidence: [],
          nearMiss: null,
          note: this.svc.d.settings.sensor.source.slice(0, 300),
        },
        SYSTEM,
        'system',
        now,
      );
      opened.add(key);
      events.push(event);
    }
  }

  /** One `due` task per plan and period (from now on: periods missed while the server was down are not invented); `missed` after grace. */
  private inspections(now: number, events: PendingEvent[]): void {
    const tasks = this.svc.index.tasks;
    for (const plan of this.svc.plans) {
      const start = periodStart(plan, now, this.svc.tzOffset(now));
      const id = taskId(plan.id, start);
      if (!tasks.has(id) && now < start + plan.graceHours * 3_600_000) events.push({ body: { type: 'inspection.task.changed', payload: { task: dueTask(plan, start) } }, actor: 'system' });
    }
    for (const t of Object.values(this.svc.d.engine.state.work?.tasks ?? {})) {
      if (t.state === 'due' && now >= t.lateAt) events.push({ body: { type: 'inspection.task.changed', payload: { task: { ...t, state: 'missed' } } }, actor: 'system' });
    }
  }
}
