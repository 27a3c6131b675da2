import { z } from 'zod';
import { prioritySchema } from '../alarm/model';

/**
 * The contract of `GET /api/v1/alarms/kpi` (server AlarmKpiService; the functions
 * behind it are shared/alarm/kpi.ts). The console validates the fields it shows with this schema
 * and ignores the rest, so that additions on the
 * server side do not break it.
 */
const counts = z.object({ 1: z.number(), 2: z.number(), 3: z.number(), 4: z.number() });
const rates = z.object({ count: z.number(), per10Min: z.number(), perHour: z.number() });
const mix = z.object({
  counts,
  shares: counts,
  vsTarget: z.array(z.object({ priorities: z.array(prioritySchema), targetPct: z.number(), actualPct: z.number() })),
});

export const alarmKpiSchema = z.object({
  /** The past instant the report is for (`?at=`, replay); absent on the live report. */
  at: z.number().optional(),
  window: z.object({ from: z.number(), to: z.number(), seconds: z.number(), truncated: z.boolean() }),
  report: z.object({
    rates: rates.extend({ byArea: z.record(z.string(), rates) }),
    band: z.enum(['acceptable', 'manageable', 'over_demanding', 'unacceptable']),
    tenMinOverShare: z.number(),
    hoursOver30Share: z.number(),
    floods: z.object({ timeInFloodShare: z.number(), peakWindowCount: z.number(), periods: z.array(z.object({ start: z.number(), end: z.number().nullable(), peak: z.number() })) }),
    chattering: z.array(z.object({ alarmId: z.string(), maxCycles: z.number(), cycles: z.number() })),
    badActors: z.object({ top: z.array(z.object({ alarmId: z.string(), count: z.number(), share: z.number() })), share: z.number() }),
    priorityMix: mix,
  }),
  stale: z.object({ count: z.number(), alarms: z.array(z.object({ id: z.string(), area: z.string(), priority: prioritySchema, activatedAt: z.number().nullable() })) }),
  configured: mix.extend({ total: z.number() }),
  kpiSettings: z.object({
    floodEnter: z.number(),
    floodWindowS: z.number(),
    rateBands: z.object({ acceptable: z.number(), manageable: z.number(), overDemanding: z.number() }).optional(),
  }),
});
export type AlarmKpi = z.infer<typeof alarmKpiSchema>;

/** One page of `GET /api/v1/alarms/journal`: events are read field by field (alarmActivations). */
export const alarmJournalPageSchema = z.object({ events: z.array(z.unknown()), next: z.number().nullable() });
