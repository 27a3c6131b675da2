import { z } from 'zod';
import { robotDefSchema, robotFindingSchema, robotStandardSchema, robotStatusSchema } from './model';

/** Robots REST (docs/robots.md §REST, prefix /api/v1); every body is an Ack, any signed-in user. */
export const robotRoutes = {
  /** GET → RobotsList: every robot's definition and live status, and the standards. */
  robots: '/api/v1/robots',
  /** GET → RobotView, 404 for an unknown id. */
  robot: (id: string) => `/api/v1/robots/${encodeURIComponent(id)}`,
  /** GET → RobotFindings ?from=ms&to=ms&limit=n (default: the last 24 h, 500), oldest first, from the journal. */
  findings: '/api/v1/robots/findings',
} as const;

/** One robot: its robots.json entry and its live status. */
export const robotViewSchema = z.object({ def: robotDefSchema, status: robotStatusSchema });
export type RobotView = z.infer<typeof robotViewSchema>;

export const robotsListSchema = z.object({ time: z.number(), robots: z.array(robotViewSchema), standards: z.array(robotStandardSchema) });
export type RobotsList = z.infer<typeof robotsListSchema>;

export const robotFindingsSchema = z.object({ from: z.number(), to: z.number(), findings: z.array(robotFindingSchema), truncated: z.boolean() });
export type RobotFindings = z.infer<typeof robotFindingsSchema>;

export const FINDINGS_MAX_LIMIT = 5000;
export const robotFindingsQuerySchema = z
  .object({
    from: z.coerce.number().finite().optional(),
    to: z.coerce.number().finite().optional(),
    limit: z.coerce.number().int().min(1).max(FINDINGS_MAX_LIMIT).default(500),
  })
  .strict();
