// readCsvBatches: a file read in batches, from any source, gives the records, lines and text that
// reading it whole gives, whatever the batch size and wherever the source's pieces are cut.
import { describe, expect, it } from 'vitest';
import { type CsvBatch, type CsvSource, readCsv, readCsvBatches, readCsvInSlices } from './csv-read.js';

const pause = async () => {};

async function read(source: CsvSource, batchRows: number): Promise<CsvBatch[]> {
  const batches: CsvBatch[] = [];
  for await (const batch of readCsvBatches(source, pause, batchRows)) batches.push(batch);
  return batches;
}

const FILE = ['name,notes', 'Ann,"two', 'lines"', '', 'Bob 😀,x', 'Cy,"a ""quoted"" word"', 'Di,🙂🙂'].join('\r\n');

describe('readCsvBatches', () => {
  it('gives the records and lines of the whole file in batches of any size', async () => {
    const whole = readCsv(FILE);
    for (const size of [1, 2, 3, 10]) {
      const batches = await read({ text: FILE }, size);
      expect(batches[0]?.headers).toEqual(['name', 'notes']);
      expect(batches.flatMap((b) => b.records)).toEqual(whole.records);
      expect(batches.flatMap((b) => b.text).join('')).toBe(FILE);
      expect(batches.every((b) => b.records.length <= size)).toBe(true);
    }
  });

  it('reads stored parts cut inside a surrogate pair as the text they make', async () => {
    const at = FILE.indexOf('😀') + 1; // between the two halves of the emoji
    const parts = [FILE.slice(0, at), FILE.slice(at, at + 3), FILE.slice(at + 3)];
    const batches = await read(
      {
        parts: async function* () {
          yield* parts;
        },
        count: parts.length,
      },
      2,
    );
    expect(batches.flatMap((b) => b.records)).toEqual(readCsv(FILE).records);
    expect(batches.flatMap((b) => b.records).map((r) => r.cells[0])).toContain('Bob 😀');
  });

  it('ends with the parser’s error when the file cannot be read, and says so for an empty one', async () => {
    const broken = await read({ text: 'a,b\n1,"never closed\n2,3' }, 1);
    expect(broken.at(-1)).toMatchObject({ headers: [], errors: [{ message: expect.stringContaining('never closed') }] });
    expect(await read({ text: '' }, 5)).toMatchObject([{ headers: [], records: [], errors: [{ line: 1, message: expect.stringContaining('empty') }] }]);
  });

  it('reads a big text in slices as readCsv reads it whole, an unreadable one with the same error', async () => {
    const big = [FILE, ...Array.from({ length: 4000 }, (_, i) => `Row ${i},"cell ${i}"`)].join('\n');
    expect(big.length).toBeGreaterThan(64 * 1024);
    expect(await readCsvInSlices(big, pause)).toEqual(readCsv(big));
    const broken = `${big}\nlast,"never closed`;
    expect(await readCsvInSlices(broken, pause)).toEqual(readCsv(broken));
  });
});
