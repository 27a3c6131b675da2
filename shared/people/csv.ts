/**
 * A small RFC 4180 CSV reader for training-system exports: comma-separated, fields optionally
 * in double quotes (a quote inside doubled), CRLF or LF line ends, a UTF-8 BOM ignored, blank
 * lines skipped. Each row keeps the file line it starts on, so that errors can name it.
 */
export interface CsvRow {
  /** 1-based line of the file where the row starts (the header is line 1 in a plain file). */
  line: number;
  cells: string[];
}

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

export function parseCsv(text: string): CsvRow[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let line = 1;
  let rowLine = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let inQuotes = false;
  let i = 0;
  const endRow = (): void => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '' && !quoted)) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
    quoted = false;
  };
  while (i < src.length) {
    const c = src[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      if (c === '\n') line++;
      cell += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (cell !== '') throw new CsvError(`line ${line}: a quote inside an unquoted field`, line);
      inQuotes = true;
      quoted = true;
      i++;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
      quoted = false;
      i++;
    } else if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      if (quoted) throw new CsvError(`line ${line}: text after a closing quote`, line);
      cell += c;
      i++;
    }
  }
  if (inQuotes) throw new CsvError(`line ${rowLine}: a quoted field is not closed`, rowLine);
  if (cell !== '' || cells.length > 0 || quoted) endRow();
  return rows;
}

/**
 * Rows as records keyed by the header (first row), header names trimmed and lower-cased.
 * Cells are trimmed; an empty cell is absent from its record.
 */
export function csvRecords(rows: readonly CsvRow[]): { header: string[]; records: { line: number; values: Record<string, string> }[] } {
  const [head, ...body] = rows;
  if (!head) return { header: [], records: [] };
  const header = head.cells.map((h) => h.trim().toLowerCase());
  const records = body.map((r) => {
    const values: Record<string, string> = {};
    header.forEach((h, k) => {
      const v = (r.cells[k] ?? '').trim();
      if (h !== '' && v !== '') values[h] = v;
    });
    return { line: r.line, values };
  });
  return { header, records };
}
