import type { LocalText } from '../plant/primitives';
import { responseLevels, type IncidentRulesFile, type IncidentType, type ResponseLevel } from './model';

/** What an alarm says about a possible incident (server: from the alarm record and the plant). */
export interface OpenFacts {
  /** Alarm kind: CONFIRMED, TRIP … */
  alarmKind: string;
  /** Hazard classes of the source's chemical (plant chemicals.json), empty when none is known. */
  chemicalHazards: readonly string[];
  /** Kind of the tag behind it (a detector's kind, an interlock's trigger tag), when known. */
  tagKind: string | null;
}

/**
 * The incident type an alarm opens, by the first open rule whose conditions all hold (rules are
 * tried in file order), or null when no rule matches (the alarm opens nothing).
 */
export function classifyIncident(rules: Pick<IncidentRulesFile, 'open'>, facts: OpenFacts): { type: IncidentType; rule: string } | null {
  for (const r of rules.open) {
    const w = r.when;
    if (w.alarmKinds && !w.alarmKinds.includes(facts.alarmKind)) continue;
    if (w.chemicalHazard && !facts.chemicalHazards.includes(w.chemicalHazard)) continue;
    if (w.tagKinds && (facts.tagKind === null || !w.tagKinds.includes(facts.tagKind))) continue;
    return { type: r.type, rule: r.id };
  }
  return null;
}

/** What the level rules look at (docs/incidents.md §Levels). */
export interface LevelFacts {
  type: IncidentType;
  chemical: string | null;
  /** Inventory at risk in tonnes (the source equipment's `inventoryT`), null when unknown. */
  inventoryT: number | null;
  /** People inside the red or orange threat zone (state.emergency.risk, written by the threat engine). */
  peopleExposed: number;
  /** Confirmed gas groups and trips attributed to the incident, the opening one included (0 for a manual open). */
  escalation: number;
}

/** 0 is the most severe (I). */
export function levelRank(l: ResponseLevel): number {
  return responseLevels.indexOf(l);
}

export function moreSevere(a: ResponseLevel, b: ResponseLevel): boolean {
  return levelRank(a) < levelRank(b);
}

/** Inventory at risk ÷ the GB 18218 threshold quantity Q of its chemical, or null when either is unknown. */
export function inventoryRatio(rules: Pick<IncidentRulesFile, 'thresholdT'>, chemical: string | null, inventoryT: number | null): number | null {
  if (chemical === null || inventoryT === null) return null;
  const q = rules.thresholdT[chemical];
  return q !== undefined && q > 0 ? inventoryT / q : null;
}

export interface LevelResult {
  level: ResponseLevel;
  /** Ids of the level rules that matched (all of them, not only the most severe). */
  rules: string[];
  /** Texts of the matched rules at the chosen level, or the default's text. */
  reasons: LocalText[];
}

/**
 * The response level the rules give: the most severe level among the matching rules, else the
 * file's default. A rule's conditions must all hold; an inventory condition fails when the ratio
 * is unknown.
 */
export function incidentLevel(rules: Pick<IncidentRulesFile, 'levels' | 'defaultLevel' | 'thresholdT'>, f: LevelFacts): LevelResult {
  const ratio = inventoryRatio(rules, f.chemical, f.inventoryT);
  const matched = rules.levels.filter((r) => {
    const w = r.when;
    if (w.types && !w.types.includes(f.type)) return false;
    if (w.chemicals && (f.chemical === null || !w.chemicals.includes(f.chemical))) return false;
    if (w.inventoryRatioMin !== undefined && (ratio === null || ratio < w.inventoryRatioMin)) return false;
    if (w.peopleExposedMin !== undefined && f.peopleExposed < w.peopleExposedMin) return false;
    if (w.escalationMin !== undefined && f.escalation < w.escalationMin) return false;
    return true;
  });
  if (matched.length === 0) {
    return { level: rules.defaultLevel, rules: [], reasons: [{ zh: `无分级规则匹配，取默认 ${rules.defaultLevel} 级`, en: `no level rule matched: default level ${rules.defaultLevel}` }] };
  }
  let level = matched[0]!.level;
  for (const r of matched) if (moreSevere(r.level, level)) level = r.level;
  return { level, rules: matched.map((r) => r.id), reasons: matched.filter((r) => r.level === level).map((r) => r.text) };
}
