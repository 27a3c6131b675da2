import { z } from 'zod';
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { localText } from '../../../shared/plant/primitives';
import { personRoleSchema } from '../../../shared/people/registry';

/**
 * What the console reads of GET /api/v1/people (docs/protocol.md §4.2): who each registry index
 * is. Only the fields the console shows are checked; the server's other fields pass unread.
 */
export const peopleListSchema = z.object({
  registryVersion: z.number().int(),
  areas: z.array(z.string()),
  teams: z.array(z.object({ id: z.string(), name: localText })),
  qualificationTypes: z.array(z.object({ id: z.string(), name: localText })),
  people: z.array(
    z.object({
      index: z.number().int().nonnegative(),
      id: z.string(),
      name: localText,
      role: personRoleSchema,
      team: z.string(),
      qualifications: z.array(z.object({ type: z.string(), status: z.string(), expires: z.string().nullable() })),
    }),
  ),
});
export type PeopleList = z.infer<typeof peopleListSchema>;
export type PeopleEntry = PeopleList['people'][number];

export interface PeopleRegistryState {
  /** Registry version of `byIndex`; -1 before the first fetch. */
  version: number;
  byIndex: readonly (PeopleEntry | undefined)[];
  teams: ReadonlyMap<string, PeopleList['teams'][number]>;
  qualificationTypes: ReadonlyMap<string, PeopleList['qualificationTypes'][number]>;
  setList(list: PeopleList): void;
  clear(): void;
}

/** The people registry as last fetched; refetched when a positions frame carries another registry version. */
export const peopleRegistry = createStore<PeopleRegistryState>()((set) => ({
  version: -1,
  byIndex: [],
  teams: new Map(),
  qualificationTypes: new Map(),
  setList(list) {
    const byIndex: (PeopleEntry | undefined)[] = [];
    for (const p of list.people) byIndex[p.index] = p;
    set({
      version: list.registryVersion,
      byIndex,
      teams: new Map(list.teams.map((t) => [t.id, t])),
      qualificationTypes: new Map(list.qualificationTypes.map((q) => [q.id, q])),
    });
  },
  clear: () => set({ version: -1, byIndex: [], teams: new Map(), qualificationTypes: new Map() }),
}));

export const usePeopleRegistry = <T>(pick: (s: PeopleRegistryState) => T): T => useStore(peopleRegistry, pick);

/** What the console reads of GET /api/v1/zones (live, from the server's geofence engine). */
export const zonesViewSchema = z.object({
  time: z.number(),
  onSite: z.number().int(),
  roads: z.number().int(),
  areas: z.array(z.object({ id: z.string(), count: z.number().int() })),
  zones: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      name: localText,
      area: z.string().nullable().optional(),
      count: z.number().int(),
      unauthorised: z.number().int(),
      maxOccupants: z.number().int().nullable().optional(),
    }),
  ),
});
export type ZonesView = z.infer<typeof zonesViewSchema>;
