import type { Point } from '../routing/polygon';
import type { MusterStatus } from './threat';

/** Where a person was last seen (null: never, or left the site). */
export interface LastFix {
  position: [number, number, number];
  area: string | null;
  at: number;
}

/** How near a muster point counts as arrived, m (a badge reader's reach plus the assembly area). */
export const MUSTER_RADIUS_M = 15;

/**
 * The muster board of one evacuation (pure; the server feeds it fixes). Everyone notified is
 * expected; a person is accounted for from the first fix within `radiusM` of any muster point
 * and stays accounted (a mustered person who steps away is not missing again, as with card
 * readers). t90At / t100At are the first instants 90 % / 100 % were accounted.
 */
export class MusterBoard {
  private readonly accountedAt = new Map<string, { point: string; at: number }>();
  private t90At: number | null = null;
  private t100At: number | null = null;

  constructor(
    readonly incidentId: string,
    readonly expected: readonly string[],
    private readonly points: readonly { id: string; position: Point }[],
    readonly startedAt: number,
    private readonly radiusM = MUSTER_RADIUS_M,
  ) {
    if (expected.length === 0) this.t90At = this.t100At = startedAt;
  }

  /** Takes everyone's latest fix; returns true when the count (or a milestone) changed. */
  update(lastFix: (person: string) => LastFix | null, now: number): boolean {
    const before = this.accountedAt.size;
    for (const person of this.expected) {
      if (this.accountedAt.has(person)) continue;
      const f = lastFix(person);
      if (!f) continue;
      for (const p of this.points) {
        if (Math.hypot(f.position[0] - p.position[0], f.position[1] - p.position[1]) <= this.radiusM) {
          this.accountedAt.set(person, { point: p.id, at: Math.min(now, Math.max(f.at, this.startedAt)) });
          break;
        }
      }
    }
    const n = this.accountedAt.size;
    if (n === before) return false;
    const total = this.expected.length;
    if (this.t90At === null && n >= Math.ceil(0.9 * total)) this.t90At = now;
    if (this.t100At === null && n >= total) this.t100At = now;
    return true;
  }

  get accounted(): number {
    return this.accountedAt.size;
  }

  /** The board as journaled (`muster.changed`): counts per point, the missing with where they were last seen. */
  status(lastFix: (person: string) => LastFix | null, missingLimit = 1000): MusterStatus {
    const byPoint: Record<string, number> = {};
    for (const p of this.points) byPoint[p.id] = 0;
    for (const a of this.accountedAt.values()) byPoint[a.point] = (byPoint[a.point] ?? 0) + 1;
    const missing: MusterStatus['missing'] = [];
    for (const person of this.expected) {
      if (missing.length >= missingLimit) break;
      if (this.accountedAt.has(person)) continue;
      const f = lastFix(person);
      missing.push({ person, position: f ? f.position : null, area: f ? f.area : null, lastFixAt: f ? f.at : null });
    }
    return { incidentId: this.incidentId, expected: this.expected.length, accounted: this.accountedAt.size, byPoint, missing, startedAt: this.startedAt, t90At: this.t90At, t100At: this.t100At };
  }
}
