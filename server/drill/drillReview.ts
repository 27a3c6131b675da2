import type { DrillReview } from '../../shared/drill/drillApi';
import { eventSummary } from '../../shared/drill/eventSummary';
import { drillFacts, drillSeconds } from '../../shared/drill/scoreDrill';
import type { DrillRecord, ScenarioAction } from '../../shared/drill/scenario';
import type { DrillService } from './DrillService';

function describeAction(a: ScenarioAction): string {
  switch (a.do) {
    case 'inject':
      return `${a.injection.kind}${a.id ? ` (${a.id})` : ''}`;
    case 'clear':
      return a.id ?? 'all';
    case 'wind':
      return a.wind ? `${a.wind.speedMS} m/s from ${a.wind.fromDeg}°` : 'met station';
    case 'announce':
      return a.text.en;
  }
}

/** The after-action review of a drill: expectations against what happened, the script as run, and its journal. */
export function drillReview(svc: DrillService, dr: DrillRecord, limit: number): DrillReview | null {
  const scenario = svc.scenarioOf(dr);
  if (!scenario) return null;
  const live = dr.endedAt === null ? { ...dr, endedAt: svc.d.clock.now() } : dr;
  const events = svc.journalSlice(live);
  const facts = drillFacts(live, events);
  const secs = (t: number): number => Math.round(drillSeconds(live, facts.pauses, t) * 10) / 10;
  const score = svc.score(dr.id);
  const ran = new Map<number, { time: number; seq: number; note: string | null }>();
  for (const e of events) {
    if (e.type !== 'drill.changed' || e.payload.drill.id !== dr.id || (e.payload.action !== 'step' && e.payload.action !== 'announce')) continue;
    ran.set(e.payload.drill.nextStep - 1, { time: e.time, seq: e.seq, note: e.payload.note ?? null });
  }
  const script = scenario.timeline.map((s, index) => {
    const r = ran.get(index);
    return { index, atS: s.atS, do: s.action.do, what: describeAction(s.action), ranS: r ? secs(r.time) : null, seq: r?.seq ?? null, note: r?.note ?? null };
  });
  const shown = events.slice(0, limit).map((e) => ({ seq: e.seq, time: e.time, drillS: secs(e.time), type: e.type, actor: e.actor, ...eventSummary(e) }));
  return {
    drill: dr,
    scenario: { id: scenario.id, name: scenario.name, incidentType: scenario.incidentType, durationS: scenario.durationS },
    score,
    expected: score?.items ?? [],
    script,
    events: shown,
    truncated: events.length > limit,
  };
}

const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  // Formula injection: a cell starting with = + - @ is prefixed with a quote for spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
export const csvRow = (cells: unknown[]): string => cells.map(csvCell).join(',');

/** The review as CSV: the score card, the script, then the journal (one header row each, a `section` column). */
export function drillReviewCsv(r: DrillReview): string {
  const lines = [csvRow(['section', 'key', 'label_en', 'label_zh', 'target_s', 'actual_s', 'outcome', 'points', 'weight', 'actor', 'seq'])];
  for (const i of r.expected) lines.push(csvRow(['expected', i.key, i.label.en, i.label.zh, i.targetS, i.actualS, i.outcome, i.points, i.weight, i.actor, i.seq]));
  lines.push(csvRow(['section', 'index', 'do', 'what', 'at_s', 'ran_s', 'seq', 'note']));
  for (const s of r.script) lines.push(csvRow(['script', s.index, s.do, s.what, s.atS, s.ranS, s.seq, s.note]));
  lines.push(csvRow(['section', 'seq', 'time_iso', 'drill_s', 'type', 'actor', 'kind', 'ref', 'text']));
  for (const e of r.events) lines.push(csvRow(['event', e.seq, new Date(e.time).toISOString(), e.drillS, e.type, e.actor, e.kind, e.ref, e.text]));
  return lines.join('\r\n') + '\r\n';
}

const esc = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A printable bilingual HTML page of the review (self-contained, no scripts). */
export function drillReviewHtml(r: DrillReview): string {
  const rows = r.expected
    .map((i) => `<tr class="${i.outcome}"><td>${esc(i.label.zh)} / ${esc(i.label.en)}</td><td>${i.targetS}</td><td>${i.actualS ?? '—'}</td><td>${esc(i.outcome)}</td><td>${i.points} / ${i.weight}</td><td>${esc(i.actor ?? '')}</td></tr>`)
    .join('');
  const script = r.script.map((s) => `<tr><td>${s.atS}</td><td>${s.ranS ?? '—'}</td><td>${esc(s.do)}</td><td>${esc(s.what)}</td></tr>`).join('');
  const events = r.events.map((e) => `<tr><td>${e.drillS}</td><td>${esc(e.actor)}</td><td>${esc(e.kind)}</td><td>${esc(e.text)}</td></tr>`).join('');
  return `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>演练评估 / Drill review ${esc(r.drill.id)}</title>
<style>body{font:13px system-ui,sans-serif;margin:24px}table{border-collapse:collapse;margin:8px 0 20px}td,th{border:1px solid #999;padding:3px 6px;text-align:left}.late{background:#fff3cd}.missed,.skipped{background:#f8d7da}.on_time{background:#d1e7dd}</style></head><body>
<h1>演练评估 / Drill review — ${esc(r.drill.id)}</h1>
<p>${esc(r.scenario.name.zh)} / ${esc(r.scenario.name.en)} · ${esc(r.drill.state)} · 开始 / started ${esc(new Date(r.drill.startedAt).toISOString())} · ${esc(r.drill.startedBy)}</p>
<h2>得分 / Score: ${r.score ? r.score.score : '—'}</h2>
<table><tr><th>项目 / Item</th><th>目标 / Target s</th><th>实际 / Actual s</th><th>结果 / Outcome</th><th>得分 / Points</th><th>执行人 / By</th></tr>${rows}</table>
<h2>脚本 / Script</h2><table><tr><th>计划 / Planned s</th><th>执行 / Ran s</th><th>动作 / Do</th><th>内容 / What</th></tr>${script}</table>
<h2>记录 / Journal${r.truncated ? ' (truncated / 已截断)' : ''}</h2><table><tr><th>s</th><th>人员 / Actor</th><th>类别 / Kind</th><th>事件 / Event</th></tr>${events}</table>
</body></html>`;
}
