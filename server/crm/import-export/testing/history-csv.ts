// A small HubSpot-style deals history for the import tests that read a file in batches.

const HEADER = 'Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Date entered Discovery,Date entered Closed Won';

/**
 * `n` deals: every third won (entered Discovery, then won), the rest open in Discovery. The data rows
 * numbered in `bad` (1-based) get an amount that is no number.
 */
export function historyCsv(n: number, prefix: string, bad: readonly number[] = []): string {
  const rows = Array.from({ length: n }, (_, i) => {
    const day = String(1 + (i % 27)).padStart(2, '0');
    const won = i % 3 === 0;
    return [
      `${prefix}-${i}`,
      `${prefix} deal ${i}`,
      won ? 'Closed Won' : 'Discovery',
      bad.includes(i + 1) ? 'lots' : String(1000 + i),
      won ? `2026-03-${day}` : '2027-01-31',
      `2026-01-${day} 09:00`,
      `2026-02-${day} 10:00`,
      won ? `2026-03-${day} 11:00` : '',
    ].join(',');
  });
  return [HEADER, ...rows].join('\n');
}
