import { chooseMusterPoint, type PlumeSide } from '../../shared/incident/musterChoice';
import { MusterBoard, type LastFix } from '../../shared/incident/musterBoard';
import type { IncidentRecord } from '../../shared/incident/model';
import { nextIncident } from '../../shared/incident/incidentRecord';
import type { Plant } from '../../shared/plant/schema';
import { fail, ok, type Ack } from '../../shared/protocol/messages';
import type { PendingEvent } from '../engine/CommandEngine';

/** Muster boards are journaled at most once a second. */
export const MUSTER_INTERVAL_MS = 1000;

export interface EvacuationPeople {
  /** Everyone on site now: registry id and position. */
  onSite(): { person: string; x: number; y: number; area: string | null }[];
  lastFix(person: string): LastFix | null;
  /** Simulator mode: send the person walking to (x, y); absent with an RTLS feed. */
  walkTo?(person: string, x: number, y: number, tag: string, now: number): void;
}

export interface EvacuateRequest {
  incident: IncidentRecord;
  areas: '*' | 'zones' | string[];
  by: string;
  note?: string | undefined;
  /** People inside the threat zones now (for 'zones'), null when the incident has none. */
  atRisk: string[] | null;
  plume: PlumeSide | null;
}

/**
 * Evacuation orders and muster boards (docs/incidents.md): the order journals the incident with
 * `evacuation` set, one notice listing each recipient's muster point (upwind or crosswind of the
 * plume), and starts a board that counts arrivals within the muster radius.
 */
export class Evacuation {
  private readonly boards = new Map<string, { board: MusterBoard; lastAt: number; dirty: boolean }>();

  constructor(
    private readonly plant: Plant,
    private readonly people: EvacuationPeople,
  ) {}

  evacuate(r: EvacuateRequest, now: number, out: PendingEvent[]): Ack<{ recipients: number; musterPoints: string[] }> {
    if (r.incident.state !== 'open') return fail('conflict', `incident ${r.incident.id} is ${r.incident.state}`);
    const onSite = this.people.onSite();
    let chosen: typeof onSite;
    if (r.areas === 'zones') {
      if (r.atRisk === null) return fail('bad_request', `incident ${r.incident.id} has no threat zones (no chemical or rate, or no wind yet): evacuate areas or "*"`);
      const set = new Set(r.atRisk);
      chosen = onSite.filter((p) => set.has(p.person));
    } else if (r.areas === '*') {
      chosen = onSite;
    } else {
      const known = new Set(this.plant.areas.map((a) => a.id));
      const unknown = r.areas.filter((a) => !known.has(a));
      if (unknown.length > 0) return fail('bad_request', `unknown area(s): ${unknown.join(', ')}`);
      const set = new Set(r.areas);
      chosen = onSite.filter((p) => p.area !== null && set.has(p.area));
    }
    const points = this.plant.muster.map((m) => ({ id: m.id, position: [m.position[0], m.position[1]] as const }));
    const recipients = chosen.map((p) => ({ person: p.person, musterPoint: chooseMusterPoint([p.x, p.y], points, r.plume)!.id }));
    const musterPoints = [...new Set(recipients.map((x) => x.musterPoint))].sort();
    const areas = r.areas === 'zones' ? [...new Set(chosen.flatMap((p) => (p.area ? [p.area] : [])))].sort() : r.areas;
    // The record change itself is decided where every incident transition is (shared nextIncident): a repeat order keeps the first order's time.
    const next = nextIncident(r.incident, { kind: 'evacuate', areas, note: r.note }, now, r.by);
    if (!next.ok) return fail(next.code, next.message);
    out.push({ body: { type: 'incident.changed', payload: { incident: next.record, action: next.action, ...(next.note !== undefined ? { note: next.note } : {}) } }, actor: r.by });
    const title = r.incident.title;
    out.push({
      body: {
        type: 'incident.notice.sent',
        payload: {
          incidentId: r.incident.id,
          recipients,
          musterPoints,
          text: {
            zh: `紧急疏散：${title.zh}。请立即沿上风向或侧风向撤离，前往通知中指定的集合点报到，不要进入下风向区域。`,
            en: `Evacuate now: ${title.en}. Leave upwind or crosswind and report at the muster point named in this notice; keep out of the downwind area.`,
          },
        },
      },
      actor: r.by,
    });
    // A second order (e.g. widening to the whole site) adds people to the board; those already there count again at once.
    const prev = this.boards.get(r.incident.id)?.board;
    const expected = [...new Set([...(prev?.expected ?? []), ...recipients.map((x) => x.person)])];
    const board = new MusterBoard(r.incident.id, expected, points, prev?.startedAt ?? now);
    board.update((p) => this.people.lastFix(p), now);
    this.boards.set(r.incident.id, { board, lastAt: now, dirty: false });
    out.push({ body: { type: 'muster.changed', payload: board.status((p) => this.people.lastFix(p)) }, actor: 'system' });
    if (this.people.walkTo) {
      const byId = new Map(this.plant.muster.map((m) => [m.id, m] as const));
      recipients.forEach((x, i) => {
        const m = byId.get(x.musterPoint)!;
        // Spread people over the assembly area (within 6 m) rather than on one spot.
        const a = (i * 2.399963) % (2 * Math.PI);
        const rr = 2 + (i % 5);
        this.people.walkTo!(x.person, m.position[0] + rr * Math.cos(a), m.position[1] + rr * Math.sin(a), `evac-${r.incident.id}-${x.person}`, now);
      });
    }
    return ok({ recipients: recipients.length, musterPoints });
  }

  /** Updates every board; journals at most once a second per board, when it changed. */
  run(openIds: ReadonlySet<string>, now: number, out: PendingEvent[]): void {
    for (const [id, b] of this.boards) {
      if (!openIds.has(id)) {
        this.boards.delete(id);
        continue;
      }
      if (b.board.update((p) => this.people.lastFix(p), now)) b.dirty = true;
      if (b.dirty && now - b.lastAt >= MUSTER_INTERVAL_MS) {
        b.dirty = false;
        b.lastAt = now;
        out.push({ body: { type: 'muster.changed', payload: b.board.status((p) => this.people.lastFix(p)) }, actor: 'system' });
      }
    }
  }
}
