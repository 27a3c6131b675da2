import { describe, expect, it } from 'vitest';
import { commandRequestSchema, helloSchema, subscribeSchema } from './messages';
import { commandDefs, mayRun } from './commands';
import { injectionSchema } from './injection';
import { roles } from './roles';

describe('protocol messages', () => {
  it('accepts a well-formed hello and rejects extra or hostile fields', () => {
    expect(helloSchema.safeParse({ protocolVersion: 1, token: 't', lastSeq: 3 }).success).toBe(true);
    expect(helloSchema.safeParse({ protocolVersion: 1, token: 't', role: 'admin' }).success).toBe(false);
    expect(helloSchema.safeParse({ protocolVersion: 1, token: '' }).success).toBe(false);
    expect(helloSchema.safeParse({ protocolVersion: 1, token: 'x'.repeat(600) }).success).toBe(false);
    expect(helloSchema.safeParse({ protocolVersion: 1, token: 't', lastSeq: -1 }).success).toBe(false);
    expect(helloSchema.safeParse('hello').success).toBe(false);
  });

  it('validates subscriptions', () => {
    expect(subscribeSchema.safeParse({ areas: '*' }).success).toBe(true);
    expect(subscribeSchema.safeParse({ areas: ['TF', 'RX'] }).success).toBe(true);
    expect(subscribeSchema.safeParse({ areas: 'TF' }).success).toBe(false);
    expect(subscribeSchema.safeParse({ areas: Array.from({ length: 300 }, (_, i) => `A${i}`) }).success).toBe(false);
  });

  it('validates command requests and injection payloads', () => {
    expect(commandRequestSchema.safeParse({ id: 'abcdefgh', name: 'sim.clear', payload: {} }).success).toBe(true);
    expect(commandRequestSchema.safeParse({ id: 'short', name: 'sim.clear', payload: {} }).success).toBe(false);
    expect(injectionSchema.safeParse({ kind: 'gas_release', position: [1, 2, 0], chemical: 'chlorine', rateKgS: 0.5 }).success).toBe(true);
    expect(injectionSchema.safeParse({ kind: 'gas_release', position: [1, NaN, 0], chemical: 'chlorine', rateKgS: 0.5 }).success).toBe(false);
    expect(injectionSchema.safeParse({ kind: 'gas_release', position: [1, 2, 0], chemical: 'chlorine', rateKgS: -1 }).success).toBe(false);
    expect(injectionSchema.safeParse({ kind: 'meteor', position: [1, 2, 0] }).success).toBe(false);
    const op = injectionSchema.parse({ kind: 'overpressure', equipment: 'R-101', factor: 1.4 });
    expect(op).toMatchObject({ rampS: 60 });
  });

  it('lets only drill coordinators and admins drive the simulator', () => {
    for (const role of roles) {
      expect(mayRun(role, 'sim.inject')).toBe(role === 'drill_coordinator' || role === 'admin');
    }
    expect(Object.keys(commandDefs)).toEqual(expect.arrayContaining(['sim.inject', 'sim.clear']));
  });
});
