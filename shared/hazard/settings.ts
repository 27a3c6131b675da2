import { z } from 'zod';

/**
 * Server settings of hidden-hazard work orders (docs/hazards.md §Settings). Every number has a
 * `source` saying where it comes from; ⚠ marks design choices or secondary sources to check
 * against the site's own rules before relying on them.
 */
export const hazardSettingsSchema = z
  .object({
    escalation: z
      .object({
        /**
         * Escalation level n (1, 2, 3) is reached when the time since assignment passes
         * `multiples[n-1]` × the time the assignee was given (deadline − assigned time).
         * Overdue itself is the deadline (multiple 1).
         */
        multiples: z.tuple([z.number().gt(1), z.number().gt(1), z.number().gt(1)]).refine((m) => m[0] < m[1] && m[1] < m[2], { message: 'escalation multiples must increase' }),
        /** Who is told at each level (shown in the order's history). */
        levels: z.tuple([z.string(), z.string(), z.string()]),
        source: z.string().min(3),
      })
      .strict(),
    sensor: z
      .object({
        /** A gas detector with no good sample for this long becomes a hazard (bad quality, offline, silent). */
        badAfterS: z.number().positive().max(7 * 86_400),
        /** A gas detector that used to vary and then showed exactly the same value for this long (stuck) becomes a hazard. */
        stuckAfterS: z.number().positive().max(30 * 86_400),
        source: z.string().min(3),
      })
      .strict(),
    /** How often the overdue, sensor and inspection checks run, ms (they are cheap; the tick itself is faster). */
    sweepMs: z.number().int().min(100).max(60_000),
  })
  .strict();
export type HazardSettings = z.infer<typeof hazardSettingsSchema>;

export const defaultHazardSettings: HazardSettings = {
  escalation: {
    multiples: [1.25, 1.5, 2],
    levels: ['shift lead and workshop head / 值班长、车间主任', 'safety department / 安全管理部门', 'principal person in charge / 主要负责人'],
    source:
      '⚠ design (site rule): 安监总局令第16号 makes the principal person in charge (主要负责人) answerable for hazard rectification (Art. 4 ⚠) and a major hazard\'s plan sets its time limit (DOMAIN.md §4); the ladder workshop → safety department → principal at 1.25×, 1.5× and 2× the granted time is this plant\'s choice, not a national number',
  },
  sensor: {
    badAfterS: 1800,
    stuckAfterS: 4 * 3600,
    source:
      'GB/T 50493-2019 requires detection at each release source; a missing or failed detector is a 重大事故隐患 (安监总管三〔2017〕121号 item 12, via ../shared/DOMAIN.md §3.1). ⚠ design: 30 min without a good sample (longer than a transmitter reboot or a network blip, which raise ordinary bad-quality alarms at once) and 4 h frozen at one value (a live detector\'s noise moves it every few samples) are this plant\'s thresholds',
  },
  sweepMs: 1000,
};

/** Defaults overlaid with what a deployment (or a test) overrides. */
export function resolveHazardSettings(over: Partial<HazardSettings> | undefined): HazardSettings {
  if (!over) return defaultHazardSettings;
  return hazardSettingsSchema.parse({
    escalation: { ...defaultHazardSettings.escalation, ...over.escalation },
    sensor: { ...defaultHazardSettings.sensor, ...over.sensor },
    sweepMs: over.sweepMs ?? defaultHazardSettings.sweepMs,
  });
}
