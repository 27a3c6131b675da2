import type { DrillScore } from '../../../shared/drill/scenario';
import type { LocalText } from '../../../shared/plant/primitives';
import type { DrillReview } from './drillApi';

/** One line of the after-action review: what was expected by when, and what happened when. */
export interface ReviewLine {
  key: string;
  label: LocalText | null;
  targetS: number | null;
  actualS: number | null;
  outcome: DrillScore['items'][number]['outcome'] | 'script';
  actor: string | null;
  seq: number | null;
}

/**
 * Expected and actual side by side, one line per item: the score's items (target vs actual),
 * completed from the review's `expected` where the score lacks one, then the script's steps
 * (due vs ran, key `script:<n>`), sorted by the earlier of the two times.
 */
export function reviewLines(score: DrillScore | null, review: DrillReview | null): ReviewLine[] {
  const lines = new Map<string, ReviewLine>();
  const items = score?.items ?? review?.score?.items ?? [];
  for (const it of [...items, ...(review?.expected ?? [])]) {
    if (!lines.has(it.key)) lines.set(it.key, { key: it.key, label: it.label, targetS: it.targetS, actualS: it.actualS, outcome: it.outcome, actor: it.actor, seq: it.seq });
  }
  for (const st of review?.script ?? []) {
    const key = `script:${st.index}`;
    lines.set(key, { key, label: { zh: `脚本 ${st.index + 1}: ${st.what}`, en: `Script ${st.index + 1}: ${st.what}` }, targetS: st.atS, actualS: st.ranS, outcome: 'script', actor: null, seq: null });
  }
  const when = (l: ReviewLine): number => Math.min(l.targetS ?? Infinity, l.actualS ?? Infinity);
  return [...lines.values()].sort((a, b) => when(a) - when(b) || a.key.localeCompare(b.key));
}

function csvCell(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The review as CSV (UTF-8, header row; labels in both languages). */
export function reviewCsv(drillId: string, score: DrillScore | null, lines: readonly ReviewLine[]): string {
  const head = ['drill', 'key', 'label_zh', 'label_en', 'target_s', 'actual_s', 'outcome', 'actor', 'seq', 'points', 'weight'];
  const byKey = new Map((score?.items ?? []).map((i) => [i.key, i]));
  const rows = lines.map((l) => {
    const it = byKey.get(l.key);
    return [drillId, l.key, l.label?.zh ?? '', l.label?.en ?? '', l.targetS, l.actualS, l.outcome, l.actor, l.seq, it?.points ?? null, it?.weight ?? null].map(csvCell).join(',');
  });
  const total = score ? [`${csvCell(drillId)},score,,,,,,,,${score.score},`] : [];
  return [head.join(','), ...rows, ...total].join('\n') + '\n';
}
