// Reads CSV text into a header row and records that know the file line they start on, so every
// error can point at the line a person sees in their editor. Handles a UTF-8 BOM, CRLF, quoted
// multi-line cells and the semicolon or tab separators regional spreadsheets write (lib/csv.ts decides
// the separator and options, as the browser's mapping table does).
import { CsvError, parse } from 'csv-parse/sync';
import type { ImportRowError } from '../../../api/imports.js';
import { csvOptions } from '../../../lib/csv.js';

export interface CsvRecord {
  /** Line in the file where the record starts (the header is line 1). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  headers: string[];
  records: CsvRecord[];
  /** Structural problems (unclosed quote, wrong number of cells), each with its line. */
  errors: ImportRowError[];
}

interface InfoRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

function startLine(r: InfoRecord): number {
  // `lines` counts to the record's last line; the raw text tells how many lines it spans and
  // whether blank lines were skipped in front of it.
  const body = r.raw.replace(/(\r?\n|\r)$/, '').replace(/^(\r?\n|\r)+/, '');
  const spanned = (body.match(/\r?\n|\r/g) ?? []).length;
  return r.info.lines - spanned;
}

export function readCsv(text: string): CsvTable {
  let parsed: InfoRecord[];
  try {
    parsed = parse(text, { ...csvOptions(text), info: true, raw: true }) as unknown as InfoRecord[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 1;
      const message =
        error.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'a quoted cell is never closed (a " is missing)'
          : error.code === 'CSV_INVALID_CLOSING_QUOTE'
            ? 'a closing quote is followed by other characters; double a " inside a quoted cell'
            : error.message;
      return { headers: [], records: [], errors: [{ line, field: null, message: `The file cannot be read as CSV: ${message}` }] };
    }
    throw error;
  }
  const [head, ...rest] = parsed;
  if (!head) return { headers: [], records: [], errors: [{ line: 1, field: null, message: 'The file is empty: the first line must name the columns' }] };
  const headers = head.record.map((h) => h.trim());
  const errors: ImportRowError[] = [];
  const records: CsvRecord[] = [];
  for (const r of rest) {
    const line = startLine(r);
    // Spreadsheets pad rows with empty trailing cells or drop them; only real data beyond the
    // header's columns is a problem.
    if (r.record.length > headers.length && r.record.slice(headers.length).some((c) => c.trim() !== '')) {
      errors.push({ line, field: null, message: `has ${r.record.length} cells but the header names ${headers.length} columns` });
      continue;
    }
    if (r.record.every((c) => c.trim() === '')) continue;
    records.push({ line, cells: r.record });
  }
  return { headers, records, errors };
}
