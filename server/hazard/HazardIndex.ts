import type { InspectionTask } from '../../shared/hazard/inspection';
import { HazardIdCounter } from '../../shared/hazard/hazardId';
import { isOpenHazard, type HazardRecord } from '../../shared/hazard/model';
import type { JournalEvent } from '../../shared/state/events';
import type { CommandEngine } from '../engine/CommandEngine';

/** Finished (done or missed) inspection tasks kept for REST; due ones are always kept. */
export const FINISHED_TASK_LIMIT = 20_000;
const PAGE = 2000;

/**
 * The key under which an automatic source may hold only one open order (docs/hazards.md
 * §Sources): a robot's sensor on one piece of equipment, one gas detector, one check of one
 * inspection plan. Manual reports and near misses have none (people may report twice).
 */
export function sourceKey(h: Pick<HazardRecord, 'source' | 'sourceRef' | 'equipment' | 'evidence'>): string | null {
  switch (h.source) {
    case 'robot':
      return h.equipment !== null ? `robot:${h.equipment}:${h.evidence[0]?.kind ?? ''}` : null;
    case 'sensor':
      return h.sourceRef !== null ? `sensor:${h.sourceRef}` : null;
    case 'inspection': {
      // sourceRef = `<plan>@<dueAt>#<check>`: one open order per plan and check, whichever period found it.
      const m = h.sourceRef !== null ? /^(.*)@\d+#(.*)$/.exec(h.sourceRef) : null;
      return m ? `inspection:${m[1]}#${m[2]}` : null;
    }
    default:
      return null;
  }
}

/**
 * Every hazard order ever journaled (the reducer keeps only open ones and the newest closed ones),
 * the inspection tasks, the per-day id counter and the open order per automatic source. Rebuilt
 * at start from the journal (`hazard.changed` and `inspection.task.changed` events) and the
 * state, then kept current by an engine listener, so closed orders and id numbers survive restarts.
 */
export class HazardIndex {
  readonly records = new Map<string, HazardRecord>();
  readonly tasks = new Map<string, InspectionTask>();
  readonly counter = new HazardIdCounter();
  private readonly openByKey = new Map<string, string>();
  private finished: string[] = [];
  private readonly detach: () => void;

  constructor(engine: CommandEngine) {
    for (const e of pages(engine, 'hazard.changed')) this.apply(e);
    for (const e of pages(engine, 'inspection.task.changed')) this.apply(e);
    // The state is at least as new as the journal read (a pruned journal still has it).
    for (const h of Object.values(engine.state.work?.hazards ?? {})) this.putHazard(h);
    for (const t of Object.values(engine.state.work?.tasks ?? {})) this.putTask(t);
    this.detach = engine.onEvent((e) => this.apply(e));
  }

  close(): void {
    this.detach();
  }

  /** The open order of an automatic source, if any. */
  openFor(key: string): HazardRecord | undefined {
    const id = this.openByKey.get(key);
    return id !== undefined ? this.records.get(id) : undefined;
  }

  private apply(e: JournalEvent): void {
    if (e.type === 'hazard.changed') this.putHazard(e.payload.hazard);
    else if (e.type === 'inspection.task.changed') this.putTask(e.payload.task);
  }

  private putHazard(h: HazardRecord): void {
    const prior = this.records.get(h.id);
    if (prior && prior.updatedAt > h.updatedAt) return;
    this.records.set(h.id, h);
    this.counter.see(h.id);
    const key = sourceKey(h);
    if (key === null) return;
    if (isOpenHazard(h)) this.openByKey.set(key, h.id);
    else if (this.openByKey.get(key) === h.id) this.openByKey.delete(key);
  }

  private putTask(t: InspectionTask): void {
    const had = this.tasks.get(t.id);
    this.tasks.set(t.id, t);
    if (t.state !== 'due' && had?.state !== t.state) {
      this.finished.push(t.id);
      if (this.finished.length > FINISHED_TASK_LIMIT * 1.25) {
        const drop = this.finished.length - FINISHED_TASK_LIMIT;
        for (const id of this.finished.slice(0, drop)) if (this.tasks.get(id)?.state !== 'due') this.tasks.delete(id);
        this.finished = this.finished.slice(drop);
      }
    }
  }
}

function* pages(engine: CommandEngine, type: 'hazard.changed' | 'inspection.task.changed'): Generator<JournalEvent> {
  let after = 0;
  for (;;) {
    const page = engine.eventsInTime(type, 0, Number.MAX_SAFE_INTEGER, after, PAGE);
    yield* page;
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.seq;
  }
}
