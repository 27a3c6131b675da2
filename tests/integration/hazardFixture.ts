import path from 'node:path';
import type { InspectionPlan } from '../../shared/hazard/inspection';
import type { HazardRecord } from '../../shared/hazard/model';
import type { HazardSettings } from '../../shared/hazard/settings';
import type { PeopleFile } from '../../shared/people/registry';
import type { Ack } from '../../shared/protocol/messages';
import type { Role } from '../../shared/protocol/roles';
import type { JournalEvent } from '../../shared/state/events';
import type { ManualClock } from '../../shared/util/clock';
import { hashPassword } from '../../server/auth/password';
import { upsertUser } from '../../server/auth/usersFile';
import { miniPlant, startHarness, type Harness } from './harness';

/**
 * The mini plant with a small personnel registry and one hourly inspection plan, on a manual
 * clock, for the hazard integration tests (docs/hazards.md). Users are made in the users file
 * (optionally linked to a registry person) and signed in with their password over REST.
 */
export const HZ_T0 = Date.UTC(2026, 5, 1, 1, 5, 0); // 09:05 in Shanghai

export const people: PeopleFile = {
  version: 1,
  rebaseDates: false,
  qualificationTypes: [],
  teams: [{ id: 'T1', name: { zh: '一班', en: 'Crew 1' }, schedule: 'always' }],
  people: [
    { id: 'P-001', name: { zh: '王工', en: 'Wang' }, role: 'operator', team: 'T1', badge: 'B-001', areas: [] },
    { id: 'P-002', name: { zh: '赵工', en: 'Zhao' }, role: 'operator', team: 'T1', badge: 'B-002', areas: [] },
    { id: 'P-009', name: { zh: '林班长', en: 'Lin' }, role: 'shift_lead', team: 'T1', badge: 'B-009', areas: [] },
  ],
  qualifications: [],
};

export const plan: InspectionPlan = {
  id: 'IP-A1-ROUND',
  name: { zh: 'A1 区巡检', en: 'A1 round' },
  area: 'A1',
  everyHours: 1,
  graceHours: 0.5,
  performerRole: 'operator',
  checks: [
    { id: 'LEAK', text: { zh: '无泄漏', en: 'No leaks' }, category: 'equipment' },
    { id: 'GD', text: { zh: '气体检测器正常', en: 'Gas detectors normal' }, category: 'gas_detection' },
  ],
  source: 'test plan',
};

export async function startHazardHarness(clock: ManualClock, opts: { dataDir?: string; hazards?: Partial<HazardSettings> } = {}): Promise<Harness> {
  const mini = await miniPlant();
  return startHarness({
    plant: { ...mini, plant: { ...mini.plant, inspectionPlans: { version: 1, plans: [plan] } }, people },
    clock,
    people: { source: 'rtls' },
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.hazards ? { hazards: opts.hazards } : {}),
  });
}

/** A signed-in session for a new user in the users file, linked to `person` when given. */
export async function signIn(h: Harness, name: string, role: Role, person?: string): Promise<string> {
  upsertUser(path.join(h.dataDir, 'users.json'), { name, role, passwordHash: await hashPassword('pw-long-enough', { N: 1024, r: 8, p: 1 }), ...(person ? { person } : {}) });
  const res = await h.rest('/api/v1/session', { method: 'POST', json: { user: name, password: 'pw-long-enough' } });
  const body = res.body as Ack<{ token: string; user: { person?: string } }>;
  if (!body.ok) throw new Error(`sign-in failed: ${body.message}`);
  if (person && body.data.user.person !== person) throw new Error('session does not carry the linked person');
  return body.data.token;
}

export function okData<T>(res: { status: number; body: unknown }): T {
  const b = res.body as Ack<T>;
  if (!b.ok) throw new Error(`expected ok, got ${res.status}: ${b.message}`);
  return b.data;
}

/** Every journal event through GET /api/v1/journal, paged. */
export async function journal(h: Harness): Promise<JournalEvent[]> {
  const out: JournalEvent[] = [];
  for (let after = 0; ; ) {
    const page = okData<{ events: JournalEvent[] }>(await h.rest(`/api/v1/journal?after=${after}&limit=5000`, { token: h.adminToken })).events;
    out.push(...page);
    if (page.length < 5000) return out;
    after = page[page.length - 1]!.seq;
  }
}

/** The last record of every order, rebuilt from the journal alone. */
export function hazardsFromJournal(events: readonly JournalEvent[]): Map<string, HazardRecord> {
  const m = new Map<string, HazardRecord>();
  for (const e of events) if (e.type === 'hazard.changed') m.set(e.payload.hazard.id, e.payload.hazard);
  return m;
}

export function tickSeconds(h: Harness, clock: ManualClock, seconds: number): void {
  for (let s = 0; s < seconds; s++) {
    clock.advance(1000);
    h.server.ctx.runtime.tick();
  }
}
