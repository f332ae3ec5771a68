// The columns of a chosen CSV and the field each one feeds, for the mapping table. Pure. The
// server decides the same way (server/crm/import-export/mapping.ts: the preset, else the field's
// key or label); the page then sends the whole table as the mapping, so what is shown is what is used.
// With the extension: a server parity test compiles this file too (node16 resolution); the import is types only.
import type { ImportFields, ImportPreset } from '../../../api/imports.js';

export const IGNORE = 'ignore';

export interface CsvHead {
  headers: string[];
  /** The first data row's cells, to show what a column holds. */
  sample: string[];
}

/** The separator used most often outside quotes in the first line (as the server decides). */
export function detectDelimiter(text: string): string {
  let inQuotes = false;
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && ch in counts) counts[ch] = (counts[ch] ?? 0) + 1;
  }
  let best = ',';
  for (const ch of [';', '\t']) if ((counts[ch] ?? 0) > (counts[best] ?? 0)) best = ch;
  return best;
}

/** The header row and the first data row; comma, semicolon or tab, quotes, line breaks in quotes, a BOM. */
export function readCsvHead(text: string): CsvHead {
  const records: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(body);
  for (let i = 0; i < body.length && records.length < 2; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(cell);
      records.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (records.length < 2 && (cell !== '' || row.length > 0)) records.push([...row, cell]);
  const [headers = [], sample = []] = records;
  return { headers: headers.map((h) => h.trim()), sample };
}

/** Headers compare without case, surrounding space, a required-marker star or doubled spaces. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .replace(/\*+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const lookup = (map: Record<string, string>) => new Map(Object.entries(map).map(([h, f]) => [normaliseHeader(h), f]));

/** The preset whose header names cover most of the columns (null when none matches any). */
export function detectPreset(presets: ImportFields['presets'], headers: readonly string[]): ImportPreset | null {
  let best: ImportPreset | null = null;
  let bestHits = 0;
  for (const [name, map] of Object.entries(presets)) {
    const known = lookup(map);
    const hits = headers.filter((h) => known.has(normaliseHeader(h))).length;
    if (hits > bestHits) {
      best = name as ImportPreset;
      bestHits = hits;
    }
  }
  return best;
}

/** header → field key (or IGNORE) for every non-empty header: the preset first, then key or label. */
export function autoMapping(fields: ImportFields, headers: readonly string[], preset: ImportPreset | null): Record<string, string> {
  const byName = new Map<string, string>();
  for (const f of fields.fields) {
    for (const name of [f.key, f.label]) if (!byName.has(normaliseHeader(name))) byName.set(normaliseHeader(name), f.key);
  }
  const chosen = preset ?? detectPreset(fields.presets, headers);
  const presetMap = chosen ? lookup(fields.presets[chosen] ?? {}) : new Map<string, string>();
  const mapping: Record<string, string> = {};
  for (const header of headers) {
    if (header === '') continue;
    const key = normaliseHeader(header);
    mapping[header] = presetMap.get(key) ?? byName.get(key) ?? IGNORE;
  }
  return mapping;
}

/** Required fields no column feeds, by label; the server refuses such a file before reading a row. */
export function missingRequired(fields: ImportFields, mapping: Record<string, string>): string[] {
  const used = new Set(Object.values(mapping));
  return fields.fields.filter((f) => f.required && !used.has(f.key)).map((f) => f.label);
}
