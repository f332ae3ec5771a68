// Value mapping before anything is written, and saved mappings reused by name (issue #14): a check
// lists every enumerated column's values with where each goes (proposed without case or spacing,
// outcome words to the won and lost stages, owners by name), and a mapping saved once imports the
// next file of the same kind by its name alone.
import { expect, it } from 'vitest';
import { describeEngines } from '../../test/test-env.js';
import { reportOf } from './testing/import-answers.js';

const CSV = [
  'Opportunity ID,Amount,Close Date,Stage,Owner,Region',
  'OPP-1,100,2026-03-01,Won,{rep},EMEA',
  'OPP-2,200,2026-04-01,closed lost,{rep},EMEA',
  'OPP-3,300,2026-09-01,Engaging,{rep},APAC',
  'OPP-4,400,2026-12-31,  QUALIFY ,{rep},APAC',
  'OPP-5,500,2026-12-31,Engaging,,APAC',
].join('\n');

describeEngines('import value mapping and saved mappings', (env) => {
  it('lists each stage and owner value of the file with the value it goes to, before anything is written', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep', { name: 'Rita Rep' });
    const csv = CSV.replaceAll('{rep}', 'rita rep');
    const res = await w.as(w.admin).post('/api/v1/imports/deals', { csv, dryRun: true, mapping: { 'Opportunity ID': 'name' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const checked = reportOf(res.body);
    const stage = checked.valueChoices.find((c) => c.field === 'stage')!;
    expect(stage.options).toContain('Discovery');
    expect(stage.distinct).toBe(4);
    expect(stage.values).toEqual([
      { value: 'Engaging', rows: 2, target: null, how: 'none' },
      { value: 'closed lost', rows: 1, target: 'Closed Lost', how: 'proposed' },
      { value: 'QUALIFY', rows: 1, target: 'Qualify', how: 'proposed' },
      { value: 'Won', rows: 1, target: 'Closed Won', how: 'proposed' },
    ]);
    const owner = checked.valueChoices.find((c) => c.field === 'owner')!;
    expect(owner.values).toEqual([{ value: 'rita rep', rows: 4, target: rep.email, how: 'proposed' }]);
    // Region feeds no field: listed, not dropped silently, and it has no values to map.
    expect(checked.unmapped).toEqual(['Region']);
    expect(checked.valueChoices.map((c) => c.field).sort()).toEqual(['owner', 'stage']);

    // The user's mapping shows as such, and the check then passes.
    const mapped = await w.as(w.admin).post('/api/v1/imports/deals', {
      csv,
      dryRun: true,
      mapping: { 'Opportunity ID': 'name' },
      values: { stage: { engaging: 'Discovery' } },
    });
    expect(reportOf(mapped.body).ok).toBe(true);
    expect(reportOf(mapped.body).valueChoices.find((c) => c.field === 'stage')!.values[0]).toEqual({
      value: 'Engaging',
      rows: 2,
      target: 'Discovery',
      how: 'mapped',
    });
  });

  it('saves the columns and values a check used under a name, and imports the next file by that name alone', async () => {
    const w = await env().workspace();
    const csv = CSV.replaceAll('{rep}', '');
    const check = await w.as(w.admin).post('/api/v1/imports/deals', {
      csv,
      dryRun: true,
      mapping: { 'Opportunity ID': 'name+externalId', Region: 'ignore' },
      values: { stage: { Engaging: 'Discovery' } },
      saveMappingAs: 'Old CRM',
    });
    expect(check.body).toMatchObject({ ok: true, savedAs: 'Old CRM' });
    expect(await env().database.db.selectFrom('deals').select('id').where('workspace_id', '=', w.id).execute()).toEqual([]);

    const list = await w.as(w.admin).get('/api/v1/imports/deals/mappings');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        name: 'Old CRM',
        entity: 'deals',
        mapping: expect.objectContaining({ 'Opportunity ID': 'name+externalId', Stage: 'stage' }),
        values: { stage: { Engaging: 'Discovery' } },
        version: 1,
      }),
    ]);
    // Other entities' lists do not show it.
    expect((await w.as(w.admin).get('/api/v1/imports/accounts/mappings')).body.items).toEqual([]);

    // The next export, one column fewer and another spelling of the name: the saved mapping still applies.
    const next = csv
      .split('\n')
      .map((line) => line.split(',').slice(0, 5).join(','))
      .join('\n');
    const res = await w.as(w.admin).post('/api/v1/imports/deals', { csv: next, savedMapping: 'old  crm' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ ok: true, created: 5, savedMapping: 'old  crm', values: { stage: { Engaging: 'Discovery' } } });
    const externalIds = await env().database.db.selectFrom('deals').select('external_id').where('workspace_id', '=', w.id).orderBy('external_id').execute();
    expect(externalIds.map((d) => d.external_id)).toEqual(['OPP-1', 'OPP-2', 'OPP-3', 'OPP-4', 'OPP-5']);

    // Saving again under the same name replaces it.
    await w.as(w.admin).post('/api/v1/imports/deals', {
      csv: next,
      savedMapping: 'Old CRM',
      values: { stage: { Engaging: 'Qualify' } },
      dryRun: true,
      saveMappingAs: 'old crm',
    });
    const again = await w.as(w.admin).get('/api/v1/imports/deals/mappings');
    expect(again.body.items).toHaveLength(1);
    expect(again.body.items[0]).toMatchObject({ name: 'old crm', values: { stage: { Engaging: 'Qualify' } }, version: 2 });
  });

  it('names an unknown saved mapping as a bad field, and keeps saved mappings to those who may import', async () => {
    const w = await env().workspace();
    const res = await w.as(w.admin).post('/api/v1/imports/deals', { csv: 'Name,Close Date\nX,2026-12-01', savedMapping: 'Nope' });
    expect(res.status).toBe(400);
    expect(res.body.error?.details.fields).toEqual([{ field: 'savedMapping', message: 'no saved deals mapping is named "Nope"' }]);
    const marketing = await w.user('marketing');
    expect((await w.as(marketing).get('/api/v1/imports/deals/mappings')).status).toBe(403);
    expect((await w.as(marketing).get('/api/v1/imports/accounts/mappings')).status).toBe(403);
    const other = await env().workspace();
    await other.as(other.admin).post('/api/v1/imports/deals', { csv: 'Name,Close Date\nX,2026-12-01', dryRun: true, saveMappingAs: 'Theirs' });
    expect((await w.as(w.admin).get('/api/v1/imports/deals/mappings')).body.items).toEqual([]);
  });
});
