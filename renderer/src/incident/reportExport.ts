/**
 * Exporting the after-action report (docs/incidents.md §After-action report): the server renders
 * one self-contained HTML page; the console saves it as a file, and prints it to PDF — through
 * the Electron shell's printToPDF when there is one (`window.vigil.printReportPdf`), else with the
 * browser's own print dialog ("Save as PDF") from a hidden frame, so no pop-up window is needed.
 */

/** A file name for the report: `<incident id>-report.<ext>`, safe on every OS. */
export function reportFileName(incidentId: string, ext: 'html' | 'pdf'): string {
  return `${incidentId.replace(/[^A-Za-z0-9_-]/g, '_')}-report.${ext}`;
}

/** Saves bytes or text as a download named `name`. */
export function saveFile(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Opens the browser's print dialog on the report in a hidden frame (the user picks "Save as PDF"). */
export function printHtml(html: string): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;';
  frame.srcdoc = html;
  frame.onload = () => {
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
    setTimeout(() => frame.remove(), 60_000);
  };
  document.body.appendChild(frame);
}
