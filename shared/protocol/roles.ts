import { z } from 'zod';

export const roles = ['viewer', 'operator', 'shift_lead', 'commander', 'drill_coordinator', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;
