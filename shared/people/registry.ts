import { z } from 'zod';
import { localText, plantId } from '../plant/primitives';
import { isoDate } from './dates';

/**
 * The personnel registry: people, their teams and badges, and their qualifications
 * (special-operation certificates 特种作业操作证, special-equipment operator certificates,
 * training courses with exam results). It is what geofences check for authorisation, what
 * consoles show on hover, and what later permits and dispatch check.
 *
 * The plant folder may hold a seed (`people.json`, `peopleFileSchema`); imports from the
 * training system (CSV or JSON, `importPayloadSchema`) merge into it on the server.
 */

/** What a person does on site (not a console user role: these people need not sign in). */
export const personRoles = ['operator', 'shift_lead', 'maintenance', 'contractor', 'visitor', 'hse', 'fire_brigade', 'security', 'lab', 'manager', 'driver'] as const;
export const personRoleSchema = z.enum(personRoles);
export type PersonRole = z.infer<typeof personRoleSchema>;

export const personRoleText: Readonly<Record<PersonRole, { zh: string; en: string }>> = {
  operator: { zh: '操作工', en: 'operator' },
  shift_lead: { zh: '值班长', en: 'shift lead' },
  maintenance: { zh: '维修工', en: 'maintenance' },
  contractor: { zh: '承包商', en: 'contractor' },
  visitor: { zh: '访客', en: 'visitor' },
  hse: { zh: '安全员', en: 'HSE officer' },
  fire_brigade: { zh: '消防队员', en: 'fire brigade' },
  security: { zh: '门卫', en: 'security' },
  lab: { zh: '化验员', en: 'lab analyst' },
  manager: { zh: '管理人员', en: 'manager' },
  driver: { zh: '驾驶员', en: 'driver' },
};

export const personId = plantId;
/** Badge (tag) ids as RTLS vendors print them: letters, digits, `_ . : -`. */
export const badgeId = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'badge ids use letters, digits, _ . : - (at most 64)');

/**
 * When a team is on site, in plant local time: `day` 08:00–20:00 and `night` 20:00–08:00
 * (two 12-hour shifts, handover at the gates and in the control room), `office` 08:00–17:00,
 * `visit` 09:30–15:30, `always` round the clock (on-site fire brigade, gate security).
 */
export const teamSchedules = ['day', 'night', 'office', 'visit', 'always'] as const;
export const teamSchema = z
  .object({
    id: plantId,
    name: localText,
    schedule: z.enum(teamSchedules),
  })
  .strict();
export type Team = z.infer<typeof teamSchema>;

export const personSchema = z
  .object({
    id: personId,
    name: localText,
    role: personRoleSchema,
    team: plantId,
    badge: badgeId,
    /** Contractors and visitors: whose people they are. */
    employer: z.string().min(1).max(120).optional(),
    /** Areas the person is assigned to (where they work); empty = no fixed area. */
    areas: z.array(plantId).max(64).default([]),
  })
  .strict();
export type Person = z.infer<typeof personSchema>;

/** A kind of certificate or course the training system knows. */
export const qualificationTypeSchema = z
  .object({
    id: plantId,
    kind: z.enum(['certificate', 'training']),
    name: localText,
    /** Who issues it (an authority for certificates, the plant's training centre for courses). */
    issuer: localText.optional(),
    /** Usual validity, months (the record's own `expires` is what counts). */
    validityMonths: z.number().int().positive().max(600).optional(),
    source: z.string().min(3).optional(),
  })
  .strict();
export type QualificationType = z.infer<typeof qualificationTypeSchema>;

/**
 * One certificate held or one course taken (with its exam). A person may have several records
 * of one type (a failed exam, then a pass; a renewal): a type is held when any record passed
 * and has not expired.
 */
export const qualificationSchema = z
  .object({
    person: personId,
    type: plantId,
    /** Certificate number as printed. */
    number: z.string().min(1).max(64).optional(),
    issued: isoDate,
    /** Last valid day (inclusive); null = does not expire. */
    expires: isoDate.nullable(),
    /** Exam score, 0–100. */
    score: z.number().min(0).max(100).optional(),
    passed: z.boolean().default(true),
  })
  .strict()
  .refine((q) => q.expires === null || q.expires >= q.issued, { message: 'expires must not be before issued', path: ['expires'] });
export type Qualification = z.infer<typeof qualificationSchema>;

/** `people.json` in a plant folder: the registry the server starts from. */
export const peopleFileSchema = z
  .object({
    version: z.literal(1),
    /**
     * The day the file's dates are written for. With `rebaseDates` the server shifts every date
     * by (today − asOf) whole days when it loads the file, so that a fictional demo registry
     * keeps its mix of valid, expiring and expired certificates whenever it runs. Real
     * registries leave it off.
     */
    asOf: isoDate.optional(),
    rebaseDates: z.boolean().default(false),
    qualificationTypes: z.array(qualificationTypeSchema),
    teams: z.array(teamSchema).min(1),
    people: z.array(personSchema),
    qualifications: z.array(qualificationSchema),
  })
  .strict()
  .refine((f) => !f.rebaseDates || f.asOf !== undefined, { message: 'rebaseDates needs asOf', path: ['asOf'] });
export type PeopleFile = z.infer<typeof peopleFileSchema>;

/** Most records in one import (people plus qualifications). */
export const IMPORT_MAX_RECORDS = 20_000;

/**
 * `POST /api/v1/people/import` with a JSON body: people (added or replaced by id) and
 * qualifications (added, or replaced when person, type and issue date match). Records are
 * validated one by one so that every bad row is reported, not just the first.
 */
export const importPayloadSchema = z
  .object({
    people: z.array(z.unknown()).max(IMPORT_MAX_RECORDS).optional(),
    qualifications: z.array(z.unknown()).max(IMPORT_MAX_RECORDS).optional(),
  })
  .strict();

/** One problem with an imported record: which list, which row (1-based; CSV: the file line), which field. */
export interface ImportIssue {
  list: 'people' | 'qualifications';
  row: number;
  field: string;
  message: string;
}
