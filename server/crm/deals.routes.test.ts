import { expect, it } from 'vitest';
import { insertDealRow } from '../test/crm-rows.js';
import { describeEngines, type TestWorkspace } from '../test/test-env.js';

async function stagesOf(w: TestWorkspace) {
  const { body } = await w.as(w.admin).get('/api/v1/pipelines');
  const stages = body.items[0]!.stages as { id: string; name: string; kind: string; position: number }[];
  const byName = (n: string) => stages.find((s) => s.name === n)?.id as string;
  return { pipelineId: body.items[0]!.id as string, stages, byName };
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
    expect(again.body.error?.code).toBe('stale');
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
    expect(noReason.body.error?.details.fields[0]?.field).toBe('lostReason');

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
    expect(res.body.error?.details.fields).toEqual([{ field: 'accountId', message: expect.any(String) }]);
    const owner = await w.as(rep).post('/api/v1/deals', { name: 'X', amount: 1, closeDate: '2027-01-01', ownerId: other.id });
    expect(owner.body.error?.details.fields[0]?.field).toBe('ownerId');
    const bad = await w.as(rep).post('/api/v1/deals', { name: 'X', amount: -5, closeDate: '2027-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['amount', 'closeDate']);
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
    expect(missing.body.error?.details.fields[0]?.field).toBe('ids.3');
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
    expect(qualify?.items.map((d: { name: string }) => d.name)).toEqual(['Mine 2', 'Mine 1']);
    const adminBoard = await w.as(w.admin).get('/api/v1/deals/board');
    expect(adminBoard.body.columns[0]).toMatchObject({ count: 3, amount: 1349_00 });
    // A deal in another currency is counted but its amount is not added to the workspace's money.
    await w.as(rep).post('/api/v1/deals', { name: 'Dollars', amount: 5000_00, currency: 'USD', closeDate: '2027-01-01' });
    const mixed = await w.as(w.admin).get('/api/v1/deals/board');
    expect(mixed.body.columns[0]).toMatchObject({ count: 4, amount: 1349_00 });
  });

  type Listed = { id: string; name: string; closeDate: string };
  type ColumnPage = { status: number; body: { items: Listed[]; nextCursor: string | null } };
  /** A column read to its end: the board's first page, then every page of /board/column after it. */
  async function pagedColumn(api: ReturnType<TestWorkspace['as']>, stageId: string, query: string, limit: number) {
    const board = await api.get(`/api/v1/deals/board?perStage=${limit}${query}`);
    expect(board.status).toBe(200);
    const column = board.body.columns.find((c: { stageId: string }) => c.stageId === stageId);
    const seen: Listed[] = [...column!.items];
    let cursor: string | null = column!.nextCursor;
    let pages = 1;
    while (cursor) {
      const res: ColumnPage = await api.get(`/api/v1/deals/board/column?stageId=${stageId}&limit=${limit}&cursor=${cursor}${query}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages++;
    }
    return { column, seen, pages };
  }
  const byKeyset = (a: Listed, b: Listed) => a.closeDate.localeCompare(b.closeDate) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  it('pages a board column by keyset: every deal exactly once, in board order, as many as the column counts', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const { byName, pipelineId } = await stagesOf(w);
    const qualify = byName('Qualify');
    // Close dates with ties (the id orders those), and many deals on one date across page breaks.
    for (const [i, closeDate] of ['2027-02-01', '2027-01-15', '2027-02-01', '2027-01-01', '2027-03-31', '2027-01-15'].entries()) {
      await w.as(rep).post('/api/v1/deals', { name: `Dated ${i}`, amount: 10_00, closeDate });
    }
    for (let i = 0; i < 17; i++) {
      await insertDealRow(env().database.db, { workspaceId: w.id, ownerId: rep.id, name: `Same day ${i}`, stageId: qualify, pipelineId, at: env().clock.now });
    }
    // Not in this column: another stage, and a deleted deal.
    await w.as(rep).post('/api/v1/deals', { name: 'Elsewhere', amount: 1, closeDate: '2027-01-01', stageId: byName('Discovery') });
    await insertDealRow(env().database.db, {
      workspaceId: w.id,
      ownerId: rep.id,
      name: 'Gone',
      stageId: qualify,
      pipelineId,
      at: env().clock.now,
      deletedAt: env().clock.now,
    });

    for (const limit of [1, 4, 5, 23, 200]) {
      const { column, seen, pages } = await pagedColumn(w.as(rep), qualify, '', limit);
      expect(column?.count, `limit ${limit}`).toBe(23);
      expect(new Set(seen.map((d) => d.id)).size, `limit ${limit}`).toBe(23);
      expect(seen, `limit ${limit}`).toHaveLength(23);
      expect(seen).toEqual([...seen].sort(byKeyset));
      expect(pages, `limit ${limit}`).toBe(Math.ceil(23 / limit));
      expect(seen.map((d) => d.name)).not.toContain('Elsewhere');
    }
    // A cursor taken before a deal moved out still continues after the same position: no deal twice.
    const first: ColumnPage = await w.as(rep).get(`/api/v1/deals/board/column?stageId=${qualify}&limit=3`);
    const moved = first.body.items[0] as Listed;
    const current = await w.as(rep).get(`/api/v1/deals/${moved.id}`);
    expect((await w.as(rep).post(`/api/v1/deals/${moved.id}/move`, { version: current.body.version, stageId: byName('Discovery') })).status).toBe(200);
    const rest: Listed[] = [];
    let cursor: string | null = first.body.nextCursor;
    while (cursor) {
      const res: ColumnPage = await w.as(rep).get(`/api/v1/deals/board/column?stageId=${qualify}&limit=7&cursor=${cursor}`);
      rest.push(...res.body.items);
      cursor = res.body.nextCursor;
    }
    expect([...first.body.items, ...rest].map((d) => d.id).sort()).toEqual(seen23(first.body.items, rest));
    function seen23(a: Listed[], b: Listed[]) {
      return [...new Set([...a, ...b].map((d) => d.id))].sort();
    }
    expect(rest.map((d) => d.id)).not.toContain(moved.id);
    expect(rest).toHaveLength(20);

    // The board's filters page too: owner and name search.
    const searched = await pagedColumn(w.as(w.admin), qualify, '&q=same%20day%201', 2);
    expect(searched.seen.map((d) => d.name).sort()).toEqual(['Same day 1', ...Array.from({ length: 7 }, (_, i) => `Same day 1${i}`)].sort());
    expect(searched.column?.count).toBe(8);
    const byOwner = await pagedColumn(w.as(w.admin), qualify, `&ownerId=${w.admin.id}`, 2);
    expect(byOwner.seen).toEqual([]);
  });

  it('pages a column only through what the caller may see, and nothing of another workspace', async () => {
    const w = await env().workspace();
    const manager = await w.user('manager');
    const team = await w.team('North', { managerId: manager.id });
    const rep = await w.user('rep', { teamId: team });
    const teammate = await w.user('rep', { teamId: team });
    const outsider = await w.user('rep');
    const marketing = await w.user('marketing');
    const { byName } = await stagesOf(w);
    const qualify = byName('Qualify');
    const made: Record<string, string[]> = { rep: [], teammate: [], outsider: [] };
    for (const [who, user] of [
      ['rep', rep],
      ['teammate', teammate],
      ['outsider', outsider],
    ] as const) {
      for (let i = 0; i < 4; i++)
        made[who]?.push((await w.as(user).post('/api/v1/deals', { name: `${who} ${i}`, amount: 1, closeDate: `2027-01-0${i + 1}` })).body.id);
    }
    const idsOf = async (api: ReturnType<TestWorkspace['as']>) => (await pagedColumn(api, qualify, '', 2)).seen.map((d) => d.id).sort();
    expect(await idsOf(w.as(rep))).toEqual([...(made.rep ?? [])].sort());
    expect(await idsOf(w.as(manager))).toEqual([...(made.rep ?? []), ...(made.teammate ?? [])].sort());
    expect(await idsOf(w.as(w.admin))).toEqual(Object.values(made).flat().sort());
    // A rep's cursor replayed by another rep answers that rep's deals, never the first rep's.
    const repFirst: ColumnPage = await w.as(rep).get(`/api/v1/deals/board/column?stageId=${qualify}&limit=1`);
    const replayed: ColumnPage = await w.as(outsider).get(`/api/v1/deals/board/column?stageId=${qualify}&limit=50&cursor=${repFirst.body.nextCursor}`);
    expect(replayed.status).toBe(200);
    expect(replayed.body.items.every((d) => made.outsider?.includes(d.id))).toBe(true);
    // No reach over deals: refused, like the board.
    expect((await w.as(marketing).get(`/api/v1/deals/board/column?stageId=${qualify}`)).status).toBe(403);
    expect((await w.as(marketing).get('/api/v1/deals/board')).status).toBe(403);

    // Another workspace: this workspace's stage is no stage there, and its own column holds none of these deals.
    const x = await env().workspace();
    const foreign = await w.as(x.admin).get(`/api/v1/deals/board/column?stageId=${qualify}`);
    expect(foreign.status).toBe(404);
    expect(JSON.stringify(foreign.body)).not.toContain('rep 0');
    const theirs = await x.as(x.admin).get(`/api/v1/deals/board/column?stageId=${qualify}`);
    expect(theirs.status).toBe(404);
    const theirStage = (await stagesOf(x)).byName('Qualify');
    expect((await pagedColumn(x.as(x.admin), theirStage, '', 2)).seen).toEqual([]);
  });

  it('keeps closed columns to the last 30 days when paged, as the board counts them', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const { byName } = await stagesOf(w);
    const close = async (name: string) => {
      const { body } = await w.as(rep).post('/api/v1/deals', { name, amount: 1, closeDate: '2027-01-01' });
      expect((await w.as(rep).patch(`/api/v1/deals/${body.id}`, { version: body.version, status: 'won' })).status).toBe(200);
    };
    await close('Won long ago');
    env().clock.now += 31 * 86_400_000;
    await close('Won lately 1');
    await close('Won lately 2');
    await close('Won lately 3');
    const won = byName('Closed Won');
    const { column, seen } = await pagedColumn(w.as(rep), won, '', 1);
    expect(column?.count).toBe(3);
    expect(seen.map((d) => d.name).sort()).toEqual(['Won lately 1', 'Won lately 2', 'Won lately 3']);
  });

  it('refuses a bad stage, cursor or limit with a 400 naming the field', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const { byName } = await stagesOf(w);
    const qualify = byName('Qualify');
    for (let i = 0; i < 3; i++) await w.as(rep).post('/api/v1/deals', { name: `D${i}`, amount: 1, closeDate: '2027-01-01' });
    const fieldOf = async (query: string) => {
      const res = await w.as(rep).get(`/api/v1/deals/board/column?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error?.code, query).toBe('invalid_input');
      return (res.body.error!.details.fields as { field: string }[]).map((f) => f.field);
    };
    expect(await fieldOf(`stageId=${qualify}&cursor=bm90LWEtY3Vyc29y`)).toEqual(['cursor']);
    expect(await fieldOf(`stageId=${qualify}&cursor=${'x'.repeat(600)}`)).toEqual(['cursor']);
    // A cursor of the deals list in another order is not a board cursor.
    const listed = await w.as(rep).get('/api/v1/deals?sort=-amount&limit=1');
    expect(await fieldOf(`stageId=${qualify}&cursor=${listed.body.nextCursor}`)).toEqual(['cursor']);
    for (const limit of ['0', '201', '-1', 'ten', '1.5']) expect(await fieldOf(`stageId=${qualify}&limit=${limit}`), limit).toEqual(['limit']);
    expect(await fieldOf('limit=5')).toEqual(['stageId']);
    // An id that names no stage of the workspace is a stage not found, as on the board for a pipeline.
    expect((await w.as(rep).get('/api/v1/deals/board/column?stageId=not-a-stage')).status).toBe(404);
    expect((await w.as(rep).get(`/api/v1/deals/board/column?stageId=${qualify}&limit=200`)).status).toBe(200);
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
