import { responseLevelColour } from '../../shared/incident/model';
import type { IncidentReport } from '../../shared/incident/reportModel';

const esc = (s: unknown): string => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const CSS = `
@page { size: A4; margin: 15mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Helvetica Neue", Arial, sans-serif; font-size: 10pt; color: #111; margin: 0 auto; max-width: 190mm; }
h1 { font-size: 16pt; margin: 0 0 4mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; padding-bottom: 1mm; page-break-after: avoid; }
h2 small { font-weight: normal; color: #555; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 3mm; page-break-inside: auto; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #bbb; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eee; }
.meta td:first-child { width: 35mm; background: #f6f6f6; }
.level { display: inline-block; padding: 0 2mm; border-radius: 1mm; color: #fff; font-weight: bold; }
.red { background: #c62828; } .orange { background: #ef6c00; } .yellow { background: #f9a825; color: #111; } .blue { background: #1565c0; }
.late, .overdue { color: #b71c1c; font-weight: bold; } .skipped { color: #666; } .on_time { color: #1b5e20; }
figure { margin: 2mm 0 4mm; page-break-inside: avoid; } figure img { max-width: 100%; border: 1px solid #999; }
figcaption { font-size: 9pt; color: #444; }
.note { color: #555; font-size: 9pt; }
@media print { a { color: inherit; text-decoration: none; } }
`;

function h2(zh: string, en: string): string {
  return `<h2>${esc(zh)} <small>${esc(en)}</small></h2>`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[], empty = '—'): string {
  if (rows.length === 0) return `<p class="note">${esc(empty)}</p>`;
  return `<table><thead><tr>${head.map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.join('')}</tr>`).join('')}</tbody></table>`;
}

const td = (v: unknown, cls?: string): string => `<td${cls ? ` class="${cls}"` : ''}>${esc(v ?? '—')}</td>`;

export interface ReportHtmlOptions {
  /** Plant-local time of an instant, e.g. `2026-06-01 09:05:00`. */
  time(at: number): string;
  /** PNG bytes of a snapshot, to inline as a data URL (null: left out with a note). */
  image(id: string): Uint8Array | null;
  plantName: { zh: string; en: string };
}

/**
 * The after-action report as one self-contained HTML page: inline CSS with A4 print rules, images
 * as data URLs, no scripts and no external requests, so a console can print it to PDF
 * (Electron `printToPDF`, Chromium) or save it as it is. Headings are bilingual.
 */
export function reportHtml(r: IncidentReport, o: ReportHtmlOptions): string {
  const i = r.incident;
  const t = (at: number | null | undefined): string => (at === null || at === undefined ? '—' : o.time(at));
  const dur = (s: number | null): string => (s === null ? '—' : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`);
  const parts: string[] = [];
  parts.push(`<h1>${esc(i.title.zh)}<br><small>${esc(i.title.en)}</small></h1>`);
  parts.push(h2('事件概况', 'Summary'));
  parts.push(
    `<table class="meta"><tbody>` +
      [
        ['事件编号 / Incident', esc(i.id) + (i.drill ? ' (演练 / DRILL)' : '')],
        ['工厂 / Plant', `${esc(o.plantName.zh)} / ${esc(o.plantName.en)}`],
        ['类型 / Type', esc(i.type)],
        ['响应级别 / Level', `<span class="level ${responseLevelColour[i.level]}">${esc(i.level)}</span> ${i.levelReasons.map((x) => (x.zh === x.en ? esc(x.zh) : `${esc(x.zh)} / ${esc(x.en)}`)).join('<br>')}`],
        ['状态 / State', esc(i.state)],
        ['开启 / Opened', `${esc(t(i.openedAt))} · ${esc(i.openedBy)} · ${esc(i.trigger.kind)} ${esc(i.trigger.ref ?? '')}`],
        ['控制 / Contained', esc(t(i.containedAt))],
        ['关闭 / Closed', esc(t(i.closedAt))],
        ['源项 / Source', `${esc(i.source.chemical ?? '—')} @ ${i.source.position.map((v) => v.toFixed(1)).join(', ')} m, ${i.source.rateKgS === null ? '—' : `${i.source.rateKgS} kg/s${i.source.rateEstimated ? ' (估算 / estimated)' : ''}`}, h ${i.source.heightM} m`],
        ['预案 / Plan', r.planName ? `${esc(r.planName.zh)} / ${esc(r.planName.en)}` : '—'],
        ['指挥部 / ICS', Object.entries(i.ics).map(([k, v]) => `${esc(k)}: ${esc(v ?? '—')}`).join(' · ')],
        ['报告生成 / Generated', esc(t(r.generatedAt))],
      ]
        .map(([k, v]) => `<tr><td>${k}</td><td>${v}</td></tr>`)
        .join('') +
      `</tbody></table>`,
  );
  parts.push(h2('时间线', 'Timeline'));
  parts.push(table(['时间 / Time', '人员 / Actor', '事项 / What', '说明 / Note'], r.timeline.map((e) => [td(t(e.time)), td(e.actor), td(e.action), td(e.note)])));
  parts.push(h2('决策记录', 'Decisions'));
  parts.push(table(['时间 / Time', '人员 / Actor', '事项 / What', '说明 / Note'], r.decisions.map((e) => [td(t(e.time)), td(e.actor), td(e.action), td(e.note)])));
  parts.push(h2('预案步骤执行', 'Plan steps'));
  parts.push(
    table(
      ['步骤 / Step', '负责 / Owner', '应完成 / Due', '完成 / Done', '人员 / By', '结果 / Timing'],
      r.steps.map((s) => [`<td>${esc(s.text.zh)}<br><span class="note">${esc(s.text.en)}</span></td>`, td(s.owner), td(t(s.dueAt)), td(t(s.at)), td(s.by), td(s.timing, s.timing)]),
    ),
  );
  parts.push(h2('资源调派', 'Dispatches'));
  parts.push(table(['编号 / Id', '单位 / Unit', '需求 / Need', '出发 / Departed', '预计 / ETA', '到达 / Arrived', '用时 / Travel', '状态 / State'], r.dispatches.map((d) => [td(d.id), td(d.unit), td(d.need), td(t(d.departedAt)), td(t(d.etaAt)), td(t(d.arrivedAt)), td(dur(d.travelS)), td(d.state)])));
  parts.push(h2('人员清点', 'Muster'));
  parts.push(
    r.muster
      ? table(['开始 / Started', '应到 / Expected', '已清点 / Accounted', '90 %', '100 %'], [[td(t(r.muster.startedAt)), td(r.muster.expected), td(r.muster.accounted), td(`${t(r.muster.t90At)} (${dur(r.muster.t90S)})`), td(`${t(r.muster.t100At)} (${dur(r.muster.t100S)})`)]])
      : `<p class="note">未启动清点 / no muster</p>`,
  );
  parts.push(h2('外部报告', 'Agency notifications'));
  const fr = r.firstReport;
  parts.push(`<p>首报期限 / First report due: ${esc(t(fr.dueAt))} — ${fr.at === null ? '未报 / not made' : esc(t(fr.at))} <span class="${fr.late ? 'late' : 'on_time'}">${fr.late ? '超时 / LATE' : '按时 / on time'}</span></p>`);
  parts.push(table(['机构 / Agency', '时间 / At', '开启后 / After open', '人员 / By', '方式 / Channel', '1 小时内 / Within 1 h', '说明 / Note'], r.agencies.map((a) => [td(a.agency), td(t(a.at)), td(`${a.minutesFromOpen.toFixed(0)} min`), td(a.by), td(a.channel), td(a.withinHour ? '是 / yes' : '否 / no', a.withinHour ? 'on_time' : 'late'), td(a.note)])));
  parts.push(h2('威胁区变化', 'Threat zones'));
  parts.push(table(['时间 / Time', '风 / Wind', '稳定度 / Class', '源强 / Rate', '区带 / Bands (downwind)'], r.zones.map((z) => [td(t(z.time)), td(`${z.windSpeedMS.toFixed(1)} m/s, ${Math.round(z.windFromDeg)}°`), td(z.stability), td(`${z.rateKgS} kg/s`), td(z.bands.map((b) => `${b.band} ${b.level} ${b.ppm} ppm: ${Math.round(b.downwindM)} m`).join('; '))])));
  parts.push(h2('疏散通知', 'Evacuation notices'));
  parts.push(table(['时间 / Time', '人数 / Recipients', '集合点 / Muster points'], r.notices.map((n) => [td(t(n.time)), td(n.recipients), td(n.musterPoints.join(', '))])));
  parts.push(h2('地图截图', 'Map snapshots'));
  if (r.snapshots.length === 0) parts.push(`<p class="note">无 / none</p>`);
  for (const s of r.snapshots) {
    const png = o.image(s.id);
    parts.push(
      png
        ? `<figure><img alt="${esc(s.caption)}" src="data:image/png;base64,${Buffer.from(png).toString('base64')}"><figcaption>${esc(t(s.at))} · ${esc(s.by)} · ${esc(s.caption)}</figcaption></figure>`
        : `<p class="note">${esc(s.id)}: 图片缺失 / image missing</p>`,
    );
  }
  parts.push(`<p class="note">由 Vigil 根据事件日志生成；威胁区为高斯烟羽估算。/ Generated by Vigil from the incident journal; threat zones are Gaussian-plume estimates.</p>`);
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"><title>${esc(i.id)} 事件总结报告 / After-action report</title><style>${CSS}</style></head><body>${parts.join('\n')}</body></html>`;
}
