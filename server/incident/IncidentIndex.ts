import { IncidentIdCounter } from '../../shared/incident/incidentId';
import type { IncidentRecord } from '../../shared/incident/model';
import type { JournalEvent } from '../../shared/state/events';
import type { CommandEngine } from '../engine/CommandEngine';

const PAGE = 2000;
/** Marker of the system's log entry saying the first report is overdue (journaled once per incident). */
export const FIRST_REPORT_OVERDUE = 'first_report_overdue';

/**
 * Every incident ever journaled (the reducer keeps only active ones and the newest closed ones),
 * the per-day id counter, and per incident the alarms and trips attributed to it (its trigger and
 * each `escalate`). Rebuilt at start from the journal's `incident.changed` events and the state,
 * then kept current by an engine listener, so ids and escalation counts survive restarts.
 */
export class IncidentIndex {
  readonly records = new Map<string, IncidentRecord>();
  readonly counter = new IncidentIdCounter();
  private readonly refs = new Map<string, Set<string>>();
  private readonly overdueLogged = new Set<string>();
  private readonly levelByHand = new Set<string>();
  private readonly detach: () => void;

  constructor(engine: CommandEngine) {
    let after = 0;
    for (;;) {
      const page = engine.eventsInTime('incident.changed', 0, Number.MAX_SAFE_INTEGER, after, PAGE);
      for (const e of page) this.apply(e);
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.seq;
    }
    for (const r of Object.values(engine.state.emergency?.incidents ?? {})) this.put(r);
    this.detach = engine.onEvent((e) => this.apply(e));
  }

  close(): void {
    this.detach();
  }

  /** Alarms and trips attributed to an incident (its trigger and every escalation). */
  refsOf(id: string): ReadonlySet<string> {
    return this.refs.get(id) ?? new Set();
  }

  /** Confirmed groups and trips attributed to the incident, the opening one included; 0 for a manual one without escalations. */
  escalation(id: string): number {
    return this.refs.get(id)?.size ?? 0;
  }

  /** Whether the incident's level was last set by a person (the commander), not by the rules. */
  levelSetByHand(id: string): boolean {
    return this.levelByHand.has(id);
  }

  overdueWasLogged(id: string): boolean {
    return this.overdueLogged.has(id);
  }

  /** The active (open or contained) incident holding an alarm id, or the active automatic one in an area. */
  activeFor(ref: string, area: string): IncidentRecord | undefined {
    let inArea: IncidentRecord | undefined;
    for (const r of this.records.values()) {
      if (r.state === 'closed') continue;
      if (this.refs.get(r.id)?.has(ref)) return r;
      if (inArea === undefined && r.area === area && r.trigger.kind !== 'manual' && r.trigger.kind !== 'drill') inArea = r;
    }
    return inArea;
  }

  private apply(e: JournalEvent): void {
    if (e.type !== 'incident.changed') return;
    const r = e.payload.incident;
    this.put(r);
    if (e.payload.action === 'escalate' && e.payload.note) {
      const cut = e.payload.note.indexOf(': ');
      this.addRef(r.id, cut > 0 ? e.payload.note.slice(0, cut) : e.payload.note);
    }
    if (e.payload.action === 'level') {
      if (e.actor === 'system') this.levelByHand.delete(r.id);
      else this.levelByHand.add(r.id);
    }
    if (e.payload.action === 'log' && e.actor === 'system' && e.payload.note?.startsWith(FIRST_REPORT_OVERDUE)) this.overdueLogged.add(r.id);
  }

  private put(r: IncidentRecord): void {
    this.records.set(r.id, r);
    this.counter.see(r.id);
    if ((r.trigger.kind === 'alarm' || r.trigger.kind === 'interlock') && r.trigger.ref !== null) this.addRef(r.id, r.trigger.ref);
  }

  private addRef(id: string, ref: string): void {
    let s = this.refs.get(id);
    if (!s) this.refs.set(id, (s = new Set()));
    s.add(ref);
  }
}
