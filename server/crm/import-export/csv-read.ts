// Reads CSV text into a header row and records that know the file line they start on, so every
// error can point at the line a person sees in their editor. Handles a UTF-8 BOM, CRLF, quoted
// multi-line cells and the semicolon or tab separators regional spreadsheets write (lib/csv.ts decides
// the separator and options, as the browser's mapping table does).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { parse as parseStream } from 'csv-parse';
import { CsvError, parse } from 'csv-parse/sync';
import type { ImportRowError } from '../../../api/imports.js';
import { csvOptions } from '../../../lib/csv.js';
import { markLoneSurrogates } from '../../../lib/input-rules.js';

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
    // The parser encodes its input as UTF-8, which would turn a lone surrogate into U+FFFD unseen.
    return tableOf(parse(markLoneSurrogates(text), { ...csvOptions(text), info: true, raw: true }) as unknown as InfoRecord[]);
  } catch (error) {
    return unreadable(error);
  }
}

/** Characters handed to the parser between two pauses (~20 ms of parsing; 256 KB took ~150 ms). */
const CHUNK = 32 * 1024;

/**
 * readCsv for big files: the parser gets the text a slice at a time and `pause` runs between
 * slices (it yields to the event loop), so a 20 MB file does not stall the server while it parses.
 */
export async function readCsvInSlices(text: string, pause: () => Promise<void>): Promise<CsvTable> {
  if (text.length <= CHUNK) return readCsv(text);
  const table: CsvTable = { headers: [], records: [], errors: [] };
  for await (const batch of readCsvBatches({ text }, pause, Number.POSITIVE_INFINITY)) {
    // An unreadable file ends with a batch of its error alone, and is nothing but that error.
    if (batch.headers.length === 0) return { headers: [], records: [], errors: batch.errors };
    table.headers = batch.headers;
    for (const r of batch.records) table.records.push(r);
    table.errors.push(...batch.errors);
  }
  return table;
}

function tableOf(parsed: InfoRecord[]): CsvTable {
  const table = tableStart(parsed[0]);
  for (let i = 1; i < parsed.length; i++) addRecord(table, parsed[i] as InfoRecord);
  return table;
}

function tableStart(head: InfoRecord | undefined): CsvTable {
  if (!head) return { headers: [], records: [], errors: [{ line: 1, field: null, message: 'The file is empty: the first line must name the columns' }] };
  return { headers: head.record.map((h) => h.trim()), records: [], errors: [] };
}

function addRecord(table: CsvTable, r: InfoRecord): void {
  const { headers, errors, records } = table;
  if (headers.length === 0) return;
  const line = startLine(r);
  // Spreadsheets pad rows with empty trailing cells or drop them; only real data beyond the
  // header's columns is a problem.
  if (r.record.length > headers.length && r.record.slice(headers.length).some((c) => c.trim() !== '')) {
    errors.push({ line, field: null, message: `has ${r.record.length} cells but the header names ${headers.length} columns` });
    return;
  }
  if (r.record.every((c) => c.trim() === '')) return;
  records.push({ line, cells: r.record });
}

/**
 * Where an import's CSV comes from: text in memory (the API), a file read as it goes (the CLI), or a
 * background job's stored parts read one at a time (`parts` may be read again from the start).
 */
export type CsvSource = { text: string } | { path: string } | { parts: () => AsyncIterable<string>; count: number };

/** A run of a source's records, in file order; the first batch carries the headers. */
export interface CsvBatch {
  headers: string[];
  records: CsvRecord[];
  /** Structural problems among these records; an unreadable file ends with one batch of just its error. */
  errors: ImportRowError[];
  /** Share of the source read so far, 0..1, to estimate the rows of a file not yet read. */
  read: number;
  /** The text this batch was read from (for the file's hash): every piece exactly once, in order. */
  text: string[];
}

/** The source's text a piece at a time: slices of the text, or the file as its stream reads it. */
async function* piecesOf(source: CsvSource): AsyncGenerator<{ text: string; read: number }> {
  if ('text' in source) {
    for (const s of slicesOf(source.text)) yield { text: s.text, read: s.end / source.text.length };
    return;
  }
  if ('parts' in source) {
    // A stored part may end on the first half of a surrogate pair (a job's text is cut every 256k
    // characters): that half waits for the rest, or the parser would read two lone halves.
    let n = 0;
    let carry = '';
    for await (const stored of source.parts()) {
      let part = carry + stored;
      const last = part.charCodeAt(part.length - 1);
      carry = last >= 0xd800 && last <= 0xdbff ? part.slice(-1) : '';
      if (carry) part = part.slice(0, -1);
      for (const s of slicesOf(part)) yield { text: s.text, read: (n + s.end / part.length) / source.count };
      n++;
    }
    if (carry) yield { text: carry, read: 1 };
    return;
  }
  const size = (await stat(source.path)).size;
  // A UTF-8 decoder keeps a character split across two reads for the next one.
  const stream = createReadStream(source.path, { encoding: 'utf8', highWaterMark: 64 * 1024 });
  for await (const piece of stream) yield { text: piece as string, read: size === 0 ? 1 : stream.bytesRead / size };
}

/** The text in slices of about CHUNK characters, never splitting a surrogate pair (the parser would turn each half into U+FFFD). */
function* slicesOf(text: string): Generator<{ text: string; end: number }> {
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + CHUNK);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    yield { text: text.slice(at, end), end };
    at = end;
  }
}

/**
 * readCsvInSlices for a file of any size: records come out in batches of about `batchRows` as the
 * text is parsed, so a caller keeping only a batch at a time holds a million-row file in flat memory.
 */
export async function* readCsvBatches(source: CsvSource, pause: () => Promise<void>, batchRows: number): AsyncGenerator<CsvBatch> {
  let parser: ReturnType<typeof parseStream> | null = null;
  let consumed: Promise<void> | null = null;
  let failure: unknown = null;
  const parsed: InfoRecord[] = [];
  let read = 0;
  let texts: string[] = [];
  // The batch being filled: the header row opens the first.
  let current: CsvTable | null = null;
  const take = function* (all: boolean): Generator<CsvBatch> {
    for (const r of parsed.splice(0)) {
      if (current === null) {
        current = tableStart(r);
        continue;
      }
      addRecord(current, r);
      if (current.records.length >= batchRows) {
        yield { ...current, read, text: texts };
        texts = [];
        current = { headers: current.headers, records: [], errors: [] };
      }
    }
    if (all) yield { ...(current ?? tableStart(undefined)), read, text: texts };
  };
  try {
    for await (const piece of piecesOf(source)) {
      if (parser === null) {
        parser = parseStream({ ...csvOptions(piece.text), info: true, raw: true });
        // Records are taken as the parser emits them (flowing mode), so each slice of text is parsed
        // before the next pause; a for-await reader let the slices queue up behind its backpressure and
        // then parsed them all at the end, in one ~200 ms turn.
        parser.on('data', (record: InfoRecord) => parsed.push(record));
        consumed = finished(parser);
        consumed.catch((error: unknown) => {
          failure = error;
        });
      }
      parser.write(markLoneSurrogates(piece.text));
      texts.push(piece.text);
      read = piece.read;
      await pause();
      if (failure !== null) throw failure;
      yield* take(false);
    }
    if (parser !== null) {
      parser.end();
      await consumed;
    }
  } catch (error) {
    const table = unreadable(error);
    yield { headers: [], records: [], errors: table.errors, read: 1, text: texts };
    return;
  }
  read = 1;
  yield* take(true);
}
