// Formula injection round trip: text that a spreadsheet would run as a formula leaves Furrow with a
// leading apostrophe in every text column, numbers stay numbers, and the file imports back unchanged.
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { CsvNumber, csvCell, neutraliseFormula, unneutralise } from '../../csv-cells.js';
import { describeEngines } from '../../test/test-env.js';

const PAYLOADS = ["-2+3+cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0", '=HYPERLINK("http://x","y")', "@SUM(1+1)*cmd|' /C calc'!A0"];
const FORMULA_START = /^[=+\-@\t\r]/;

it('neutralises every text starting with = + - @ tab or CR, and only text', () => {
  for (const start of ['=', '+', '-', '@', '\t', '\r']) {
    expect(neutraliseFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(unneutralise(neutraliseFormula(`${start}1+1`))).toBe(`${start}1+1`);
  }
  expect(csvCell('-2+3')).toBe("'-2+3");
  expect(csvCell(-2)).toBe('-2');
  expect(csvCell(new CsvNumber('-1500.00'))).toBe('-1500.00');
  expect(csvCell('Acme')).toBe('Acme');
  expect(csvCell(null)).toBe('');
});

describeEngines('CSV formula injection', (env) => {
  it('exports every payload neutralised in every text column, amounts as numbers, and imports the file back unchanged', async () => {
    const w = await env().workspace();
    const api = w.as(w.admin);
    for (const [i, p] of PAYLOADS.entries()) {
      const account = await api.post('/api/v1/accounts', { name: `${p} ${i}`, industry: p, country: p, domain: null });
      expect(account.status).toBe(201);
      const contact = await api.post('/api/v1/contacts', { firstName: p, lastName: `${p} ${i}`, title: p, phone: p, accountId: account.body.id });
      expect(contact.status).toBe(201);
      const deal = await api.post('/api/v1/deals', {
        name: `${p} ${i}`,
        amount: 150000 + i,
        closeDate: '2027-01-01',
        accountId: account.body.id,
        contactId: contact.body.id,
        source: p,
        campaign: p,
        nextStep: p,
        externalId: `${p}-${i}`,
      });
      expect(deal.status).toBe(201);
      const activity = await api.post('/api/v1/activities', {
        type: 'call',
        subject: p,
        body: p,
        occurredAt: '2026-11-20T10:00:00.000Z',
        durationMinutes: 30,
        dealId: deal.body.id,
      });
      expect(activity.status).toBe(201);
    }

    let payloadCells = 0;
    for (const entity of ['accounts', 'contacts', 'deals', 'activities']) {
      const res = await api.get(`/api/v1/exports/${entity}.csv`);
      expect(res.status).toBe(200);
      const rows = parse(res.body as string, { bom: true }) as string[][];
      const [header, ...body] = rows as [string[], ...string[][]];
      for (const row of body) {
        for (const [c, cell] of row.entries()) {
          const column = header[c] as string;
          expect(FORMULA_START.test(cell), `${entity} ${column}: ${JSON.stringify(cell)}`).toBe(false);
          if (cell.startsWith("'")) payloadCells++;
        }
        const amount = header.indexOf('Amount');
        if (amount >= 0) expect(row[amount]).toMatch(/^\d+(\.\d+)?$/);
        const duration = header.indexOf('Duration (minutes)');
        if (duration >= 0) expect(row[duration]).toBe('30');
      }
      // The neutralised file is the same data: importing it back changes nothing.
      const back = await api.post(`/api/v1/imports/${entity}`, { csv: res.body });
      expect(back.status, JSON.stringify(back.body)).toBe(200);
      expect(back.body, entity).toMatchObject({ ok: true, created: 0, updated: 0 });
    }
    expect(payloadCells).toBeGreaterThan(40);
  });
});
