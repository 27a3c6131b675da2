import { computeIncidentZones, stabilityFor, windChanged } from '../../shared/incident/zones';
import { compileZones, peopleAtRisk, riskKey, type CompiledZones, type PositionColumns } from '../../shared/incident/zonesRisk';
import type { IncidentRecord } from '../../shared/incident/model';
import type { IncidentZones, PeopleAtRisk } from '../../shared/incident/threat';
import type { SigmaScheme } from '../../shared/plume/dispersionApi';
import type { ChemicalThreat } from '../../shared/plume/threatLevels';
import type { PendingEvent } from '../engine/CommandEngine';
import type { Wind } from './WindSource';

/** Zones are journaled at most this often for wind changes (a new source is journaled at once). */
export const ZONES_MIN_INTERVAL_MS = 5000;
/** People at risk are re-evaluated this often (and whenever the zones change). */
export const RISK_INTERVAL_MS = 2000;

interface Tracked {
  sourceKey: string;
  zones: IncidentZones;
  compiled: CompiledZones;
  at: number;
  risk: PeopleAtRisk | null;
  riskKey: string | null;
  riskAt: number;
}

export interface ThreatTrackerDeps {
  chemicals: ReadonlyMap<string, ChemicalThreat>;
  wind(): Wind | null;
  /** Plant-local hour (0–24) of an instant, for the stability class. */
  localHour(now: number): number;
  positions(): PositionColumns;
  sigma?: SigmaScheme;
  cloudy?: boolean;
}

/** An incident models a plume when its source names a chemical with threat levels and a rate. */
export function modelled(inc: IncidentRecord, chemicals: ReadonlyMap<string, ChemicalThreat>): boolean {
  return inc.state === 'open' && inc.source.chemical !== null && inc.source.rateKgS !== null && chemicals.has(inc.source.chemical);
}

function sourceKey(inc: IncidentRecord): string {
  const s = inc.source;
  return `${s.position.join(',')}|${s.chemical}|${s.rateKgS}|${s.heightM}`;
}

/**
 * Live threat zones and people at risk of every open incident with a modelled release
 * (docs/incidents.md, "Threat zones, muster and dispatch"): zones are journaled when the
 * incident's source is first seen or changes, and when the wind moves enough (direction > 5°,
 * speed > 10 %, another stability class) — not more than every 5 s; people at risk every 2 s
 * when the set changed.
 */
export class ThreatTracker {
  private readonly tracked = new Map<string, Tracked>();

  constructor(private readonly d: ThreatTrackerDeps) {}

  /** Seeds an incident with the zones the journal holds (after a restart), so an unchanged wind journals nothing. */
  seed(inc: IncidentRecord, zones: IncidentZones, risk: PeopleAtRisk | undefined, now: number): void {
    this.tracked.set(inc.id, { sourceKey: sourceKey(inc), zones, compiled: compileZones(zones), at: now, risk: risk ?? null, riskKey: risk ? riskKey(risk) : null, riskAt: -Infinity });
  }

  zonesOf(id: string): { zones: IncidentZones; compiled: CompiledZones } | null {
    const t = this.tracked.get(id);
    return t ? { zones: t.zones, compiled: t.compiled } : null;
  }

  /** People at risk of an incident now (fresh), or null without zones. */
  riskNow(id: string): PeopleAtRisk | null {
    const t = this.tracked.get(id);
    return t ? peopleAtRisk(id, t.compiled, this.d.positions()) : null;
  }

  /** One tick over the open incidents; appends the events to journal to `out`. */
  run(incidents: Iterable<IncidentRecord>, now: number, out: PendingEvent[]): void {
    const seen = new Set<string>();
    const wind = this.d.wind();
    for (const inc of incidents) {
      if (!modelled(inc, this.d.chemicals)) continue;
      seen.add(inc.id);
      let t = this.tracked.get(inc.id);
      if (wind) {
        const stability = stabilityFor(wind.speedMS, this.d.localHour(now), this.d.cloudy ?? false);
        const key = sourceKey(inc);
        const moved = t !== undefined && now - t.at >= ZONES_MIN_INTERVAL_MS && windChanged({ ...t.zones.wind, stability: t.zones.stability }, { ...wind, stability });
        if (!t || t.sourceKey !== key || moved) {
          const zones = computeIncidentZones({
            incidentId: inc.id,
            position: inc.source.position,
            chemical: this.d.chemicals.get(inc.source.chemical!)!,
            rateKgS: inc.source.rateKgS!,
            heightM: inc.source.heightM,
            wind: { speedMS: round(wind.speedMS, 2), fromDeg: round(wind.fromDeg, 1) },
            stability,
            ...(this.d.sigma ? { sigma: this.d.sigma } : {}),
          });
          t = { sourceKey: key, zones, compiled: compileZones(zones), at: now, risk: t?.risk ?? null, riskKey: t?.riskKey ?? null, riskAt: -Infinity };
          this.tracked.set(inc.id, t);
          out.push({ body: { type: 'incident.zones.changed', payload: zones }, actor: 'system' });
        }
      }
      if (t && now - t.riskAt >= RISK_INTERVAL_MS) {
        t.riskAt = now;
        const risk = peopleAtRisk(inc.id, t.compiled, this.d.positions());
        const k = riskKey(risk);
        if (k !== t.riskKey) {
          t.risk = risk;
          t.riskKey = k;
          out.push({ body: { type: 'incident.risk.changed', payload: risk }, actor: 'system' });
        }
      }
    }
    for (const id of [...this.tracked.keys()]) if (!seen.has(id)) this.tracked.delete(id);
  }
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
