import { expect, it } from 'vitest';
import { describeEngines, type TestWorkspace } from '../test/test-env.js';

async function stagesOf(w: TestWorkspace) {
  const { body } = await w.as(w.admin).get('/api/v1/pipelines');
  const stages = body.items[0].stages as { id: string; name: string; kind: string; position: number }[];
  const byName = (n: string) => stages.find((s) => s.name === n)?.id as string;
  return { pipelineId: body.items[0].id as string, stages, byName };
}

describeEngines('deals API', (env) => {
  it('creates a deal in the first stage with a creation snapshot in history', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const { byName } = await stagesOf(w);
    const res = await w.as(rep).post('/api/v1/deals', { name: 'Acme rollout', amount: 1_250_000, closeDate: '2027-01-31', source: 'Inbound' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Acme rollout',
      amount: 1_250_000,
      currency: 'EUR',
      status: 'open',
      stageId: byName('Qualify'),
      stageName: 'Qualify',
      ownerId: rep.id,
      version: 1,
    });
    const changes = await env().database.db.selectFrom('changes').select(['field', 'from_value', 'to_value']).where('entity_id', '=', res.body.id).execute();
    expect(changes).toEqual(
      expect.arrayContaining([
        { field: 'amount', from_value: null, to_value: '1250000' },
        { field: 'stage_id', from_value: null, to_value: byName('Qualify') },
        { field: 'status', from_value: null, to_value: 'open' },
        { field: 'close_date', from_value: null, to_value: '2027-01-31' },
      ]),
    );
    expect(await env().database.db.selectFrom('stage_moves').select('id').where('deal_id', '=', res.body.id).execute()).toEqual([]);
  });

  it('moves forward, records the move with its process version and path, and refuses a stale version', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const { byName } = await stagesOf(w);
    const api = w.as(rep);
    const { body: deal } = await api.post('/api/v1/deals', { name: 'Globex', amount: 500_00, closeDate: '2027-02-01' });
    env().clock.now += 3 * 86_400_000;
    const moved = await api.post(`/api/v1/deals/${deal.id}/move`, { version: 1, stageId: byName('Solution') });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ stageName: 'Solution', version: 2, stageEnteredAt: new Date(env().clock.now).toISOString() });
    const [move] = await env().database.db.selectFrom('stage_moves').selectAll().where('deal_id', '=', deal.id).execute();
    expect(move).toMatchObject({
      from_stage_id: byName('Qualify'),
      to_stage_id: byName('Solution'),
      skipped: 1,
      direction: 1,
      criteria_met: 1,
      via: 'api',
      owner_id: rep.id,
    });
    expect(move?.process_version_id).toBeTruthy();
    expect(move?.at).toBe(env().clock.now);

    const again = await api.post(`/api/v1/deals/${deal.id}/move`, { version: 1, stageId: byName('Proposal') });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('stale');
  });

  it('closes lost only with a reason, sets the close date to today, and reopens to the previous stage', async () => {
    const w = await env().workspace({ timezone: 'Europe/Berlin' });
    const rep = await w.user('rep');
    const { byName } = await stagesOf(w);
    const api = w.as(rep);
    const { body: deal } = await api.post('/api/v1/deals', { name: 'Initech', amount: 900_00, closeDate: '2027-03-01', stageId: byName('Discovery') });
    expect(deal.stageName).toBe('Discovery');

    const noReason = await api.patch(`/api/v1/deals/${deal.id}`, { version: deal.version, status: 'lost' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.fields[0].field).toBe('lostReason');

    env().clock.now = Date.UTC(2026, 11, 31, 23, 30); // 00:30 on 1 January in Berlin
    const lost = await api.patch(`/api/v1/deals/${deal.id}`, { version: deal.version, status: 'lost', lostReason: 'Price' });
    expect(lost.status).toBe(200);
    expect(lost.body).toMatchObject({ status: 'lost', stageName: 'Closed Lost', lostReason: 'Price', closeDate: '2027-01-01' });
    expect(lost.body.closedAt).toBe(new Date(env().clock.now).toISOString());

    const reopened = await api.patch(`/api/v1/deals/${deal.id}`, { version: lost.body.version, status: 'open' });
    expect(reopened.body).toMatchObject({ status: 'open', stageName: 'Discovery', lostReason: null, closedAt: null });
    const moves = await env()
      .database.db.selectFrom('stage_moves')
      .select(['direction', 'to_stage_id'])
      .where('deal_id', '=', deal.id)
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(moves.map((m) => m.direction)).toEqual([1, 0, -1]);
  });

  it('keeps every field change with actor, from and to', async () => {
    const w = await env().workspace();
    const manager = await w.user('manager');
    const team = await w.team('East', { managerId: manager.id });
    const rep = await w.user('rep', { teamId: team });
    const rep2 = await w.user('rep', { teamId: team });
    const { body: deal } = await w.as(rep).post('/api/v1/deals', { name: 'Umbrella', amount: 100_00, closeDate: '2027-01-15' });
    const res = await w.as(manager).patch(`/api/v1/deals/${deal.id}`, { version: 1, amount: 150_00, closeDate: '2027-02-15', ownerId: rep2.id, custom: {} });
    expect(res.status).toBe(200);
    const rows = await env()
      .database.db.selectFrom('changes')
      .select(['field', 'from_value', 'to_value', 'actor_id'])
      .where('entity_id', '=', deal.id)
      .where('actor_id', '=', manager.id)
      .execute();
    expect(rows).toEqual(
      expect.arrayContaining([
        { field: 'amount', from_value: '10000', to_value: '15000', actor_id: manager.id },
        { field: 'close_date', from_value: '2027-01-15', to_value: '2027-02-15', actor_id: manager.id },
        { field: 'owner_id', from_value: rep.id, to_value: rep2.id, actor_id: manager.id },
      ]),
    );
    expect(rows).toHaveLength(3);
  });

  it('rejects links and owners the caller cannot use, naming the field', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const other = await w.user('rep');
    const { body: theirs } = await w.as(other).post('/api/v1/accounts', { name: 'Not yours' });
    const res = await w.as(rep).post('/api/v1/deals', { name: 'X', amount: 1, closeDate: '2027-01-01', accountId: theirs.id });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields).toEqual([{ field: 'accountId', message: expect.any(String) }]);
    const owner = await w.as(rep).post('/api/v1/deals', { name: 'X', amount: 1, closeDate: '2027-01-01', ownerId: other.id });
    expect(owner.body.error.details.fields[0].field).toBe('ownerId');
    const bad = await w.as(rep).post('/api/v1/deals', { name: 'X', amount: -5, closeDate: '2027-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['amount', 'closeDate']);
  });

  it('bulk-moves deals all or nothing through the same gate', async () => {
    const w = await env().workspace();
    const { byName } = await stagesOf(w);
    const api = w.as(w.admin);
    const ids: string[] = [];
    for (const n of ['A', 'B', 'C']) ids.push((await api.post('/api/v1/deals', { name: n, amount: 10_00, closeDate: '2027-01-01' })).body.id);
    const res = await api.post('/api/v1/deals/bulk', { ids, set: { stageId: byName('Discovery') } });
    expect(res.status).toBe(200);
    expect(res.body.updated).toBe(3);
    const moves = await env().database.db.selectFrom('stage_moves').select('via').where('deal_id', 'in', ids).execute();
    expect(moves.map((m) => m.via)).toEqual(['bulk', 'bulk', 'bulk']);

    const missing = await api.post('/api/v1/deals/bulk', { ids: [...ids, 'nope'], set: { stageId: byName('Solution') } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.fields[0].field).toBe('ids.3');
    const after = await api.get(`/api/v1/deals?stageId=${byName('Solution')}`);
    expect(after.body.items).toHaveLength(0);
  });

  it('pages by keyset in any sort order, each row once, and refuses a cursor made for another order', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const amounts = [500, 100, 300, 300, 200, 400, 300];
    for (const [i, amount] of amounts.entries()) {
      await w.as(rep).post('/api/v1/deals', { name: `Deal ${i}`, amount, closeDate: `2027-01-0${i + 1}` });
    }
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: { amount: number }[]; nextCursor: string | null } } = await w
        .as(rep)
        .get(`/api/v1/deals?sort=-amount&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((d: { amount: number }) => d.amount));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...amounts].sort((a, b) => b - a));

    const first = await w.as(rep).get('/api/v1/deals?sort=-amount&limit=2');
    for (const sort of ['name', 'closeDate', 'amount']) {
      const res = await w.as(rep).get(`/api/v1/deals?sort=${sort}&limit=2&cursor=${first.body.nextCursor}`);
      expect(res.status, sort).toBe(400);
      expect(JSON.stringify(res.body)).toContain('cursor');
    }
    const forged = await w.as(rep).get('/api/v1/deals?cursor=bm90LWEtY3Vyc29y');
    expect(forged.status).toBe(400);
  });

  it('shows the board with counts and amounts per stage, scoped to the caller', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const other = await w.user('rep');
    const { byName } = await stagesOf(w);
    await w.as(rep).post('/api/v1/deals', { name: 'Mine 1', amount: 100_00, closeDate: '2027-01-01' });
    await w.as(rep).post('/api/v1/deals', { name: 'Mine 2', amount: 250_00, closeDate: '2026-12-20' });
    await w.as(other).post('/api/v1/deals', { name: 'Theirs', amount: 999_00, closeDate: '2027-01-01' });
    const res = await w.as(rep).get('/api/v1/deals/board');
    expect(res.status).toBe(200);
    const qualify = res.body.columns.find((c: { stageId: string }) => c.stageId === byName('Qualify'));
    expect(qualify).toMatchObject({ count: 2, amount: 350_00 });
    expect(qualify.items.map((d: { name: string }) => d.name)).toEqual(['Mine 2', 'Mine 1']);
    const adminBoard = await w.as(w.admin).get('/api/v1/deals/board');
    expect(adminBoard.body.columns[0]).toMatchObject({ count: 3, amount: 1349_00 });
    // A deal in another currency is counted but its amount is not added to the workspace's money.
    await w.as(rep).post('/api/v1/deals', { name: 'Dollars', amount: 5000_00, currency: 'USD', closeDate: '2027-01-01' });
    const mixed = await w.as(w.admin).get('/api/v1/deals/board');
    expect(mixed.body.columns[0]).toMatchObject({ count: 4, amount: 1349_00 });
  });

  it('lets reps close deals but not delete them; managers delete within their team', async () => {
    const w = await env().workspace();
    const manager = await w.user('manager');
    const team = await w.team('West', { managerId: manager.id });
    const rep = await w.user('rep', { teamId: team });
    const { body: deal } = await w.as(rep).post('/api/v1/deals', { name: 'Dup', amount: 1, closeDate: '2027-01-01' });
    expect((await w.as(rep).delete(`/api/v1/deals/${deal.id}`)).status).toBe(403);
    expect((await w.as(manager).delete(`/api/v1/deals/${deal.id}`)).status).toBe(204);
    expect((await w.as(rep).get(`/api/v1/deals/${deal.id}`)).status).toBe(404);
    const outsider = await w.user('rep');
    const { body: other } = await w.as(outsider).post('/api/v1/deals', { name: 'Other', amount: 1, closeDate: '2027-01-01' });
    expect((await w.as(rep).delete(`/api/v1/deals/${other.id}`)).status).toBe(404);
    expect((await w.as(manager).delete(`/api/v1/deals/${other.id}`)).status).toBe(404);
  });
});
