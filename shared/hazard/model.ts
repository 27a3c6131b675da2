import { z } from 'zod';
import { localText, plantId, vec3 } from '../plant/primitives';
import type { Role } from '../protocol/roles';

/**
 * Hidden-hazard work orders (隐患排查治理, docs/hazards.md). One record per hazard; every change
 * is one `hazard.changed` journal event carrying the whole record after it (like alarms), so the
 * reducer, the console and replay never re-derive a lifecycle.
 *
 * Grading (安监总局令第16号 Art. 3 via ../shared/DOMAIN.md §4): 一般 (general) can be fixed at
 * once; 重大 (major) needs a shutdown, time or outside help and a rectification plan with six
 * items (goal, method, funds, owner, deadline, safety and emergency measures).
 *
 * Lifecycle: reported → assessed → assigned → rectifying → verification → closed (验收销号).
 * Verification can fail (back to rectifying). `dismissed` closes a report that is not a hazard
 * (duplicate, false finding) with a reason. `overdue` is not a state but a flag: an order past its
 * deadline that is not closed; escalation `level` rises 1, 2, 3 as it stays overdue.
 */

export const hazardSources = ['robot', 'sensor', 'inspection', 'manual', 'near_miss'] as const;
export const hazardSourceSchema = z.enum(hazardSources);
export type HazardSource = z.infer<typeof hazardSourceSchema>;

export const hazardGrades = ['general', 'major'] as const;
export const hazardGradeSchema = z.enum(hazardGrades);
export type HazardGrade = z.infer<typeof hazardGradeSchema>;

export const hazardStates = ['reported', 'assessed', 'assigned', 'rectifying', 'verification', 'closed', 'dismissed'] as const;
export const hazardStateSchema = z.enum(hazardStates);
export type HazardState = z.infer<typeof hazardStateSchema>;

/** What kind of hazard (for statistics by type). */
export const hazardCategories = ['equipment', 'process', 'electrical', 'fire', 'gas_detection', 'behaviour', 'housekeeping', 'management', 'other'] as const;
export const hazardCategorySchema = z.enum(hazardCategories);
export type HazardCategory = z.infer<typeof hazardCategorySchema>;

/** The six required items of a major hazard's rectification plan (重大事故隐患治理方案). */
export const rectificationPlanSchema = z
  .object({
    goal: z.string().trim().min(2).max(1000),
    method: z.string().trim().min(2).max(2000),
    /** Funds set aside, CNY. */
    fundsCny: z.number().nonnegative().max(1e10),
    /** Person id (registry) responsible for the plan. */
    owner: plantId,
    /** Epoch ms. */
    deadline: z.number().int().positive(),
    safetyMeasures: z.string().trim().min(2).max(2000),
  })
  .strict();
export type RectificationPlan = z.infer<typeof rectificationPlanSchema>;

/** A near miss (未遂事故) as reported: what happened and what could have happened. */
export const nearMissSchema = z
  .object({
    /** When it happened, epoch ms. */
    occurredAt: z.number().int().positive(),
    whatHappened: z.string().trim().min(3).max(2000),
    potentialConsequence: z.string().trim().min(3).max(1000),
    /** Person ids involved. */
    peopleInvolved: z.array(plantId).max(50).default([]),
    immediateAction: z.string().max(1000).optional(),
  })
  .strict();
export type NearMiss = z.infer<typeof nearMissSchema>;

/** Evidence attached to a finding: a measured value against the standard it broke. */
export const evidenceSchema = z
  .object({
    /** e.g. 'thermal', 'gas', 'noise', 'tag'. */
    kind: z.string().min(1).max(40),
    value: z.number().finite(),
    unit: z.string().max(20),
    limit: z.number().finite(),
    /** Which standard or plant limit the limit comes from. */
    standard: z.string().max(300),
    /** Robot finding id, tag id, inspection task id … */
    ref: z.string().max(200).optional(),
    at: z.number().int().positive(),
  })
  .strict();
export type Evidence = z.infer<typeof evidenceSchema>;

export const hazardHistoryEntrySchema = z.object({
  action: z.string(),
  actor: z.string(),
  time: z.number(),
  note: z.string().optional(),
});

export const hazardRecordSchema = z.object({
  /** `HZ-<yyyymmdd>-<nnnn>`, assigned by the server. */
  id: z.string().min(1).max(64),
  source: hazardSourceSchema,
  /** The finding, tag, inspection task or near-miss this came from. */
  sourceRef: z.string().max(200).nullable(),
  title: localText,
  description: z.string().max(4000),
  category: hazardCategorySchema,
  /** Null until assessed. */
  grade: hazardGradeSchema.nullable(),
  state: hazardStateSchema,
  area: plantId.nullable(),
  equipment: plantId.nullable(),
  position: vec3,
  evidence: z.array(evidenceSchema).max(20),
  nearMiss: nearMissSchema.nullable(),
  /** Required before a major hazard can be assigned. */
  plan: rectificationPlanSchema.nullable(),
  /** Person id (registry) who owes the fix. */
  assignee: plantId.nullable(),
  deadline: z.number().int().nullable(),
  reportedBy: z.string(),
  reportedAt: z.number(),
  updatedAt: z.number(),
  closedAt: z.number().nullable(),
  /** User who did the rectification (never the verifier). */
  rectifiedBy: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  overdue: z.boolean(),
  /** 0 = not escalated; 1, 2, 3 as the overdue order escalates (docs/hazards.md). */
  escalation: z.number().int().min(0).max(3),
  /** Drill records never enter real statistics (issue 6). */
  drill: z.boolean().default(false),
  /** Newest last, at most HAZARD_HISTORY_LIMIT. */
  history: z.array(hazardHistoryEntrySchema).max(100),
});
export type HazardRecord = z.infer<typeof hazardRecordSchema>;
export const HAZARD_HISTORY_LIMIT = 100;

export const hazardActions = ['report', 'assess', 'assign', 'start', 'submit', 'verify_pass', 'verify_fail', 'dismiss', 'overdue', 'escalate', 'reassign'] as const;
export type HazardAction = (typeof hazardActions)[number];

export function isOpenHazard(h: Pick<HazardRecord, 'state'>): boolean {
  return h.state !== 'closed' && h.state !== 'dismissed';
}

/** Who is acting: the console user's role and the registry person their account is linked to. */
export interface HazardActor {
  name: string;
  role: Role;
  /** Registry person id of the account (users.json `person`), if linked. */
  person?: string | undefined;
}

const LEADS: readonly Role[] = ['shift_lead', 'commander', 'admin'];

/**
 * What `actor` may do to `h` now (operator actions only; `overdue`/`escalate` are the server's).
 * The server enforces exactly this; consoles use it to show only the buttons that would work.
 * - assess (again while assessed, e.g. to add the plan), assign, reassign, dismiss: shift lead, commander, admin.
 * - start, submit (rectification done): the assignee's linked account, or a shift lead / admin on their behalf.
 * - verify_pass / verify_fail: shift lead, commander, admin — never the user who rectified it (four eyes).
 */
export function allowedHazardActions(h: HazardRecord, actor: HazardActor): HazardAction[] {
  const lead = LEADS.includes(actor.role);
  const isAssignee = actor.person !== undefined && h.assignee === actor.person && actor.role !== 'viewer';
  const out: HazardAction[] = [];
  switch (h.state) {
    case 'reported':
      if (lead) out.push('assess', 'dismiss');
      break;
    case 'assessed':
      // Re-assessing adds a major hazard's plan (or changes the grade) before assignment.
      if (lead) out.push('assess', 'assign', 'dismiss');
      break;
    case 'assigned':
      if (isAssignee || lead) out.push('start');
      if (lead) out.push('reassign');
      break;
    case 'rectifying':
      if (isAssignee || lead) out.push('submit');
      if (lead) out.push('reassign');
      break;
    case 'verification':
      if (lead && h.rectifiedBy !== actor.name) out.push('verify_pass', 'verify_fail');
      break;
    case 'closed':
    case 'dismissed':
      break;
  }
  return out;
}

/** Statistics (GET /api/v1/hazards/stats): real orders only, never drill records. */
export const hazardStatsSchema = z.object({
  from: z.number(),
  to: z.number(),
  total: z.number().int().nonnegative(),
  open: z.number().int().nonnegative(),
  closed: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
  /** closed ÷ (total − dismissed), 0..1; null when nothing to close. */
  closureRate: z.number().min(0).max(1).nullable(),
  bySource: z.record(z.string(), z.number().int().nonnegative()),
  byCategory: z.record(z.string(), z.number().int().nonnegative()),
  byArea: z.record(z.string(), z.number().int().nonnegative()),
  byGrade: z.record(z.string(), z.number().int().nonnegative()),
  byState: z.record(z.string(), z.number().int().nonnegative()),
  /** Reported and closed per day (local plant date), oldest first, for the plot. */
  daily: z.array(z.object({ date: z.string(), reported: z.number().int().nonnegative(), closed: z.number().int().nonnegative() })),
});
export type HazardStats = z.infer<typeof hazardStatsSchema>;
