import type { AlarmRecord } from '../../shared/alarm/model';
import { moreSevere } from '../../shared/incident/classifyIncident';
import { firstReport, nextIncident, type IncidentChange } from '../../shared/incident/incidentRecord';
import type { IncidentRecord, ResponseLevel } from '../../shared/incident/model';
import { dueMilestones, lateSteps, milestoneTimes } from '../../shared/incident/planChecklist';
import type { JournalEvent } from '../../shared/state/events';
import type { PendingEvent } from '../engine/CommandEngine';
import type { TickStage } from '../engine/PlantRuntime';
import { FIRST_REPORT_OVERDUE } from './IncidentIndex';
import type { IncidentService } from './IncidentService';

/** Alarm activations waiting for the next tick; beyond this the oldest are dropped (an alarm flood must not eat memory). */
export const ALARM_QUEUE_LIMIT = 10_000;
/** How often plan timers, milestones and level rules are checked, ms. */
export const SWEEP_MS = 1000;

/**
 * The incident tick stage (docs/incidents.md §Tick), after the alarm stage: every tick it turns
 * the alarm activations of kinds the open rules name (queued by an engine listener) into opened
 * or escalated incidents; every SWEEP_MS, for each active incident, it ticks `auto` plan steps
 * whose milestone happened (done by `system` at the milestone's time), flags late steps once
 * (`step_late`), raises the level when the level rules now give a more severe one (never
 * lowers, and a commander's level stands until the rules' own level rises again), and logs once that the first report is overdue.
 */
export class IncidentStage implements TickStage {
  readonly name = 'incidents';
  private queue: AlarmRecord[] = [];
  private lastSweep = -Infinity;
  /** The level the rules gave at the previous sweep, per incident: only a rise of it raises the incident. */
  private readonly ruleLevel = new Map<string, ResponseLevel>();
  private readonly kinds: ReadonlySet<string>;
  /** Activations dropped because the queue was full (diagnostics). */
  dropped = 0;

  constructor(private readonly svc: IncidentService) {
    this.kinds = new Set((svc.d.rules?.open ?? []).flatMap((r) => r.when.alarmKinds ?? []));
  }

  /** Engine listener: queues every activation of an alarm kind that may open an incident. */
  observe(e: JournalEvent): void {
    if (e.type !== 'alarm.changed' || e.payload.cause !== 'activate' || !this.kinds.has(e.payload.alarm.kind)) return;
    if (this.queue.length >= ALARM_QUEUE_LIMIT) {
      this.queue.shift();
      this.dropped++;
    }
    this.queue.push(e.payload.alarm);
  }

  run(_batch: unknown, now: number): readonly PendingEvent[] {
    const events: PendingEvent[] = [];
    if (this.queue.length > 0) {
      const pending = new Map<string, IncidentRecord>();
      for (const a of this.queue.splice(0)) {
        const e = this.svc.fromAlarm(a, now, pending);
        if (e) events.push(e);
      }
    }
    if (now - this.lastSweep >= SWEEP_MS) {
      this.lastSweep = now;
      for (const r of Object.values(this.svc.d.engine.state.emergency?.incidents ?? {})) {
        if (r.state !== 'closed') this.sweep(r, now, events);
        else this.ruleLevel.delete(r.id);
      }
    }
    return events;
  }

  /** One incident's timers; changes chain on the record so a batch stays consistent. */
  private sweep(start: IncidentRecord, now: number, events: PendingEvent[]): void {
    let r = start;
    const apply = (c: IncidentChange, at = now): void => {
      const n = nextIncident(r, c, at, 'system');
      if (!n.ok) return;
      r = n.record;
      events.push({ body: { type: 'incident.changed', payload: { incident: r, action: n.action, ...(n.note !== undefined ? { note: n.note } : {}) } }, actor: 'system' });
    };
    const st = this.svc.d.engine.state.emergency;
    const plan = this.svc.plan(r.plan?.id);
    const times = milestoneTimes(r, { dispatches: Object.values(st?.dispatches ?? {}), muster: st?.muster[r.id] });
    for (const m of dueMilestones(r, plan, times)) apply({ kind: 'step', step: m.step, state: 'done', note: 'milestone reached / 里程碑自动完成' }, m.at);
    const late = lateSteps(r, now);
    if (late.length > 0) apply({ kind: 'step_late', steps: late });
    const level = this.svc.levelOf(r, this.svc.index.escalation(r.id));
    const prev = this.ruleLevel.get(r.id);
    if (level) this.ruleLevel.set(r.id, level.level);
    // A commander's level stands until the rules' own level rises past what it was (first sight
    // after a restart: unless the commander set the level last).
    const rose = level !== null && (prev === undefined ? !this.svc.index.levelSetByHand(r.id) : moreSevere(level.level, prev));
    if (level && rose && moreSevere(level.level, r.level)) {
      const why = level.reasons.map((x) => x.zh).join('；');
      const whyEn = level.reasons.map((x) => x.en).join('; ');
      apply({ kind: 'level', level: level.level, auto: true, reason: { zh: `规则升级：${why}`, en: `raised by rule: ${whyEn}` } });
    }
    if (firstReport(r, now).late && firstReport(r, now).at === null && !this.svc.index.overdueWasLogged(r.id)) {
      apply({ kind: 'log', note: `${FIRST_REPORT_OVERDUE}: no report to the emergency-management authority within 1 hour / 1 小时内未向应急管理部门首报` });
    }
  }
}
