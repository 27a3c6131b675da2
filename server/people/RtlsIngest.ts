import { z } from 'zod';

/** Most fixes in one `POST /api/v1/rtls/fixes`. */
export const RTLS_BATCH_MAX = 5000;
/** A fix further than this ahead of the server's clock is refused (badge clocks drift; gateways buffer). */
export const RTLS_FUTURE_MS = 30_000;

/** `POST /api/v1/rtls/fixes` body; each fix is checked on its own so that one bad fix never sinks the batch. */
export const rtlsBatchSchema = z.object({ fixes: z.array(z.unknown()).min(1).max(RTLS_BATCH_MAX) }).strict();

/**
 * One fix as an RTLS gateway sends it: badge id, time (ms since epoch), position in plant
 * metres (z foot elevation, default 0), floor (0 outdoors, default 0), battery % (0–100,
 * absent = unknown), SOS pressed.
 */
export const rtlsFixSchema = z
  .object({
    badge: z.string().min(1).max(64),
    t: z.number().finite(),
    x: z.number().finite(),
    y: z.number().finite(),
    z: z.number().finite().default(0),
    floor: z.number().int().min(0).max(255).default(0),
    battery: z.number().min(0).max(100).optional(),
    sos: z.boolean().default(false),
  })
  .strict();
export type RtlsFix = z.infer<typeof rtlsFixSchema>;

export const refusalReasons = ['invalid', 'unknown_badge', 'rate_limited', 'stale', 'future'] as const;
export type RefusalReason = (typeof refusalReasons)[number];

export interface RtlsResult {
  accepted: number;
  refused: Record<RefusalReason, number>;
}

/** What the ingest hands accepted fixes to; returns false when the fix is not newer than the badge's last one. */
export type FixTarget = (p: number, f: RtlsFix) => boolean;

const zero = (): Record<RefusalReason, number> => ({ invalid: 0, unknown_badge: 0, rate_limited: 0, stale: 0, future: 0 });

/**
 * The RTLS ingest: validates each fix, maps its badge to a person, and limits each badge to
 * `maxPerS` fixes a second (a token bucket per badge, refilled by the server's clock, burst
 * equal to the rate). Every refusal is counted by reason, in the answer to the batch and in
 * running totals; nothing a gateway sends can throw.
 */
export class RtlsIngest {
  readonly totals: RtlsResult = { accepted: 0, refused: zero() };
  private tokens = new Float64Array(0);
  private refill = new Float64Array(0);

  constructor(
    private readonly badgeIndex: (badge: string) => number | undefined,
    private readonly maxPerS: number,
  ) {}

  private bucket(p: number, now: number): boolean {
    if (p >= this.tokens.length) {
      const n = Math.max(p + 1, this.tokens.length * 2, 64);
      const t = new Float64Array(n).fill(this.maxPerS);
      t.set(this.tokens);
      const r = new Float64Array(n).fill(now);
      r.set(this.refill);
      this.tokens = t;
      this.refill = r;
    }
    const level = Math.min(this.maxPerS, this.tokens[p]! + ((now - this.refill[p]!) / 1000) * this.maxPerS);
    this.refill[p] = now;
    if (level < 1) {
      this.tokens[p] = level;
      return false;
    }
    this.tokens[p] = level - 1;
    return true;
  }

  /** Takes one batch (already envelope-checked) at server time `now`. */
  ingest(fixes: readonly unknown[], now: number, target: FixTarget): RtlsResult {
    const out: RtlsResult = { accepted: 0, refused: zero() };
    for (const raw of fixes) {
      const parsed = rtlsFixSchema.safeParse(raw);
      let reason: RefusalReason | null = null;
      if (!parsed.success) reason = 'invalid';
      else {
        const f = parsed.data;
        const p = this.badgeIndex(f.badge);
        if (p === undefined) reason = 'unknown_badge';
        else if (f.t > now + RTLS_FUTURE_MS) reason = 'future';
        else if (!this.bucket(p, now)) reason = 'rate_limited';
        else if (!target(p, f)) reason = 'stale';
      }
      if (reason) out.refused[reason]++;
      else out.accepted++;
    }
    this.totals.accepted += out.accepted;
    for (const r of refusalReasons) this.totals.refused[r] += out.refused[r];
    return out;
  }
}
