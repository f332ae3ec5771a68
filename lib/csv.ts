// Pure: how Furrow reads a CSV file's shape and matches its columns to fields, for the importer on
// the server and the mapping table in the browser alike. Both parse with csv-parse (the server its
// Node build, the browser its browser build) using the options and delimiter decided here.

/** The separator used most often outside quotes in the first line: comma, semicolon or tab. */
export function detectDelimiter(text: string): string {
  let inQuotes = false;
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && counts.has(ch)) counts.set(ch, (counts.get(ch) as number) + 1);
  }
  let best = ',';
  for (const [ch, n] of counts) if (n > (counts.get(best) as number)) best = ch;
  return best;
}

/** csv-parse options for a file of regional spreadsheet shape (BOM, ragged rows, stray quotes in cells). */
export function csvOptions(text: string) {
  return {
    bom: true,
    delimiter: detectDelimiter(text.replace(/^\uFEFF/, '')),
    relax_column_count: true,
    // A stray quote inside an unquoted cell (5" screen) is text, as spreadsheets read it.
    relax_quotes: true,
    skip_empty_lines: true,
  } as const;
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

/** A preset's header → field table keyed by normalised header. */
export function presetLookup(map: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(map).map(([h, f]) => [normaliseHeader(h), f]));
}

/** The preset whose headers cover most of the file's columns (null when none matches any); earlier presets win ties. */
export function detectPreset<P extends string>(presets: Readonly<Partial<Record<P, Record<string, string>>>>, headers: readonly string[]): P | null {
  let best: P | null = null;
  let bestHits = 0;
  for (const [name, map] of Object.entries(presets) as [P, Record<string, string> | undefined][]) {
    const known = presetLookup(map ?? {});
    const hits = headers.filter((h) => known.has(normaliseHeader(h))).length;
    if (hits > bestHits) {
      best = name;
      bestHits = hits;
    }
  }
  return best;
}

/**
 * Field key by normalised key or label. The first field with a name keeps it: a custom field
 * labelled like a built-in one ("Source") leaves that header to the built-in field.
 */
export function fieldsByName(fields: readonly { key: string; label: string }[]): Map<string, string> {
  const byName = new Map<string, string>();
  for (const f of fields) {
    for (const name of [f.key, f.label]) if (!byName.has(normaliseHeader(name))) byName.set(normaliseHeader(name), f.key);
  }
  return byName;
}

/** The field a column feeds without an explicit mapping: the preset's, else the field named like it. */
export function guessField(header: string, preset: ReadonlyMap<string, string>, byName: ReadonlyMap<string, string>): string | undefined {
  const key = normaliseHeader(header);
  return preset.get(key) ?? byName.get(key);
}
