// The people and quota sheets meet the text rules every import meets (lib/input-rules.ts): a cell
// holding NUL or an unpaired surrogate is that row's problem, named by line and column, and the
// rest of the sheet is still checked; nothing is written while a problem stands.
import { expect, it } from 'vitest';
import { describeEngines } from '../test/test-env.js';

const LONE_SURROGATE = '\uD800';

describeEngines('sheet cells with NUL or lone surrogates', (env) => {
  it('names the line and column of each bad people cell and writes nothing', async () => {
    const w = await env().workspace();
    const api = w.as(w.admin);
    const tag = w.id.slice(-8);
    const csv = [
      'Name,Email,Role,Team',
      `Ann Rep,ann@${tag}.test,rep,East`,
      `Bad\u0000Name,bad@${tag}.test,rep,East`,
      `Cy Rep,cy@${tag}.test,rep,We${LONE_SURROGATE}st`,
      `Dee Rep,dee@${tag}.test,boss,East`,
    ].join('\n');

    const dry = await api.post('/api/v1/people/import', { csv, dryRun: true, initialPassword: 'welcome to furrow' });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body.ok).toBe(false);
    expect(dry.body.rows).toBe(4);
    expect(dry.body.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'name'],
      [4, 'team'],
      [5, 'role'],
    ]);
    expect(dry.body.errors[0]?.message).toMatch(/NUL or unpaired surrogate/);

    const refused = await api.post('/api/v1/people/import', { csv, initialPassword: 'welcome to furrow' });
    expect(refused.status).toBe(422);
    const users = await api.get('/api/v1/users');
    expect(users.body.items).toHaveLength(1);
  });

  it('names the line and column of each bad quota cell and writes nothing', async () => {
    const w = await env().workspace();
    const api = w.as(w.admin);
    const csv = ['scope_type,scope,period,amount', ',,FY2026-Q1,1000', 'workspace,,FY2026\u0000-Q2,1000', `workspace,,FY2026-Q3,10${LONE_SURROGATE}0`].join(
      '\n',
    );

    const res = await api.post('/api/v1/quotas/import', { csv });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.ok).toBe(false);
    expect(res.body.problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'scope_type'],
      [3, 'period'],
      [4, 'amount'],
    ]);
    expect((await api.get('/api/v1/quotas')).body.items).toEqual([]);
  });
});
