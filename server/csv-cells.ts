// Cells for every CSV Furrow writes (exports, quotas, reports). A spreadsheet runs a cell that
// starts with = + - @, tab or carriage return as a formula — `-2+3+cmd|' /C calc'!A0` runs a
// program — so every text cell that starts with one gets a leading apostrophe (the importer strips
// it again). Numbers are written as numbers: a column that holds amounts or counts marks its
// values with csvNumber, so a negative amount stays a number and is not turned into text.

const FORMULA_START = /^[=+\-@\t\r]/;

/** A value of a numeric column; written as is. */
export class CsvNumber {
  constructor(readonly text: string) {}
}

export const csvNumber = (value: number | string | null | undefined): CsvNumber | null =>
  value === null || value === undefined || value === '' ? null : new CsvNumber(String(value));

/** Text with a leading apostrophe when a spreadsheet would run it as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell: empty for null, numbers as numbers, any text neutralised. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof CsvNumber) return value.text;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return neutraliseFormula(String(value));
}

/** Undoes neutraliseFormula on a cell read back from a file. */
export function unneutralise(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
