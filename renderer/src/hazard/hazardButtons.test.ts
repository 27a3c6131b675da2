import { describe, expect, it } from 'vitest';
import { hazardFixture as hz } from './hazardFixtures';
import { hazardButtons, linkedPerson } from './hazardButtons';

const lead = { name: 'li.wei', role: 'shift_lead' as const };
const assignee = { name: 'zhang.san', role: 'operator' as const, person: 'P-1' };
const otherOperator = { name: 'wang.wu', role: 'operator' as const, person: 'P-9' };
const viewer = { name: 'guest', role: 'viewer' as const, person: 'P-1' };
const labels = (...a: Parameters<typeof hazardButtons>): string[] => hazardButtons(...a).map((b) => b.label);

describe('which lifecycle buttons a user sees', () => {
  it('a reported order: a lead may assess or dismiss; an operator nothing', () => {
    const h = hz({ id: 'a', state: 'reported', grade: null, assignee: null });
    expect(labels(h, lead)).toEqual(['assess', 'dismiss']);
    expect(labels(h, assignee)).toEqual([]);
  });

  it('an assessed order: the lead may re-assess (to add a plan), assign (through the assign form) or dismiss', () => {
    const b = hazardButtons(hz({ id: 'a', state: 'assessed', assignee: null }), lead);
    expect(b.map((x) => [x.label, x.form, x.command])).toEqual([
      ['assess', 'assess', 'hazard.assess'],
      ['assign', 'assign', 'hazard.assign'],
      ['dismiss', 'dismiss', 'hazard.dismiss'],
    ]);
  });

  it('an assigned order: its assignee starts it, another operator cannot, a lead can also reassign', () => {
    const h = hz({ id: 'a', state: 'assigned', assignee: 'P-1' });
    expect(labels(h, assignee)).toEqual(['start']);
    expect(labels(h, otherOperator)).toEqual([]);
    expect(labels(h, { ...assignee, person: undefined })).toEqual([]);
    expect(labels(h, lead)).toEqual(['start', 'reassign']);
    expect(hazardButtons(h, lead)[1]!.form).toBe('assign');
  });

  it('a viewer linked to the assignee still cannot act', () => {
    expect(labels(hz({ id: 'a', state: 'rectifying', assignee: 'P-1' }), viewer)).toEqual([]);
  });

  it('rectifying: the assignee submits', () => {
    expect(labels(hz({ id: 'a', state: 'rectifying', assignee: 'P-1' }), assignee)).toEqual(['submit']);
  });

  it('verification: one verify button for a lead, none for the lead who rectified it (four eyes)', () => {
    const h = hz({ id: 'a', state: 'verification', rectifiedBy: 'li.wei' });
    expect(labels(h, lead)).toEqual([]);
    expect(labels(h, { ...lead, name: 'chen.liu' })).toEqual(['verify']);
    expect(hazardButtons(h, { ...lead, name: 'chen.liu' })[0]!.command).toBe('hazard.verify');
  });

  it('closed or no user: nothing', () => {
    expect(labels(hz({ id: 'a', state: 'closed' }), lead)).toEqual([]);
    expect(labels(hz({ id: 'a', state: 'reported' }), null)).toEqual([]);
  });

  it('reads the linked person from a session user only when it is a non-empty string', () => {
    expect(linkedPerson({ name: 'a', role: 'operator', person: 'P-1' })).toBe('P-1');
    expect(linkedPerson({ name: 'a', role: 'operator' })).toBeUndefined();
    expect(linkedPerson({ person: '' })).toBeUndefined();
    expect(linkedPerson(null)).toBeUndefined();
  });
});
