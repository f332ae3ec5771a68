// Reads CSV text into a header row and records that know the file line they start on, so every
// error can point at the line a person sees in their editor. Handles a UTF-8 BOM, CRLF, quoted
// multi-line cells and the semicolon or tab separators regional spreadsheets write (lib/csv.ts decides
// the separator and options, as the browser's mapping table does).
import { parse as parseStream } from 'csv-parse';
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

function unreadable(error: unknown): CsvTable {
  if (!(error instanceof CsvError)) throw error;
  const line = (error as CsvError & { lines?: number }).lines ?? 1;
  const message =
    error.code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'a quoted cell is never closed (a " is missing)'
      : error.code === 'CSV_INVALID_CLOSING_QUOTE'
        ? 'a closing quote is followed by other characters; double a " inside a quoted cell'
        : error.message;
  return { headers: [], records: [], errors: [{ line, field: null, message: `The file cannot be read as CSV: ${message}` }] };
}

export function readCsv(text: string): CsvTable {
  try {
    return tableOf(parse(text, { ...csvOptions(text), info: true, raw: true }) as unknown as InfoRecord[]);
  } catch (error) {
    return unreadable(error);
  }
}

/** Characters handed to the parser between two pauses. */
const CHUNK = 256 * 1024;

/**
 * readCsv for big files: the parser gets the text a slice at a time and `pause` runs between
 * slices (it yields to the event loop), so a 20 MB file does not stall the server while it parses.
 */
export async function readCsvInSlices(text: string, pause: () => Promise<void>): Promise<CsvTable> {
  if (text.length <= CHUNK) return readCsv(text);
  const parser = parseStream({ ...csvOptions(text), info: true, raw: true });
  const parsed: InfoRecord[] = [];
  let failed = false;
  const consumed = (async () => {
    for await (const record of parser) parsed.push(record as InfoRecord);
  })();
  consumed.catch(() => {
    failed = true;
  });
  try {
    for (let at = 0; at < text.length && !failed; ) {
      let end = Math.min(text.length, at + CHUNK);
      // Never split a surrogate pair: the parser would turn each half into U+FFFD.
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
      parser.write(text.slice(at, end));
      at = end;
      await pause();
    }
    parser.end();
    await consumed;
  } catch (error) {
    return unreadable(error);
  }
  return tableOf(parsed);
}

function tableOf(parsed: InfoRecord[]): CsvTable {
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
