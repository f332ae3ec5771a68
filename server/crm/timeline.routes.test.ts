import { expect, it } from 'vitest';
import type { Timeline } from '../../api/timeline.js';
import { insertChangeRow, insertDealRow, insertStageMoveRow, stagesOf } from '../test/crm-rows.js';
import { type Client, describeEngines, type Response, type TestUser, type TestWorkspace } from '../test/test-env.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

interface Item {
  kind: string;
  id: string;
  at: string;
  [key: string]: unknown;
}

describeEngines('record timelines', (env) => {
  const iso = (ms: number) => new Date(ms).toISOString();
  const db = () => env().database.db;

  async function deal(w: TestWorkspace, owner: TestUser, name: string, at: number, accountId: string | null = null) {
    const stages = await stagesOf(db(), w.id);
    const id = await insertDealRow(db(), {
      workspaceId: w.id,
      ownerId: owner.id,
      name,
      stageId: stages.byName('Qualify'),
      pipelineId: stages.pipelineId,
      at,
      accountId,
    });
    return { id, stages };
  }

  async function all(
    api: Client,
    url: `/api/v1/${'deals' | 'accounts' | 'contacts'}/${string}/timeline`,
    limit: number,
  ): Promise<{ items: Item[]; pages: number }> {
    const items: Item[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      // Annotated: the URL depends on the cursor the previous page set, so TypeScript cannot infer it by itself.
      const res: Response<Timeline> = await api.get(`${url}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    return { items, pages };
  }

  it('merges a deal’s changes, stage moves and visible activities newest first, with names for ids', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep', { name: 'Rita Rep' });
    const rep2 = await w.user('rep', { name: 'Sam Second' });
    const { body: acme } = await w.as(rep).post('/api/v1/accounts', { name: 'Acme' });
    const t0 = env().clock.now - 10 * DAY;
    const { id, stages } = await deal(w, rep, 'Acme rollout', t0, acme.id);
    const change = (field: string, from: string | null, to: string | null, at: number, actorId: string | null = rep.id) =>
      insertChangeRow(db(), { workspaceId: w.id, entity: 'deal', entityId: id, field, from, to, actorId, at });
    await change('name', null, 'Acme rollout', t0);
    await change('stage_id', null, stages.byName('Qualify'), t0);
    await change('owner_id', null, rep.id, t0);
    await change('account_id', null, acme.id, t0);
    await change('close_date', null, '2027-03-31', t0, null);
    const t1 = t0 + DAY;
    const move = await insertStageMoveRow(db(), {
      workspaceId: w.id,
      dealId: id,
      ownerId: rep.id,
      actorId: rep.id,
      at: t1,
      fromStageId: stages.byName('Qualify'),
      toStageId: stages.byName('Solution'),
      criteriaMet: false,
      overrideReason: 'CFO said go',
      skipped: 1,
      direction: 1,
      via: 'board',
    });
    // The stage change's own history row says the same as the move; the timeline shows it once.
    await change('stage_id', stages.byName('Qualify'), stages.byName('Solution'), t1);
    const t2 = t0 + 2 * DAY;
    await change('owner_id', rep.id, rep2.id, t2, w.admin.id);
    const { body: call } = await w.as(rep).post('/api/v1/activities', { type: 'call', subject: 'Kick-off', dealId: id, occurredAt: iso(t0 + 36 * HOUR) });
    const { body: theirs } = await w.as(w.admin).post('/api/v1/activities', {
      type: 'note',
      subject: 'Admin note',
      body: 'Pricing approved',
      dealId: id,
      ownerId: rep2.id,
      occurredAt: iso(t0 + 40 * HOUR),
    });

    const res = await w.as(rep).get(`/api/v1/deals/${id}/timeline`);
    expect(res.status).toBe(200);
    const items = res.body.items as Item[];
    expect(res.body.nextCursor).toBeNull();
    expect(items.map((i) => [i.kind, i.at])).toEqual([
      ['change', iso(t2)],
      ['activity', iso(t0 + 36 * HOUR)],
      ['stage_move', iso(t1)],
      ...Array.from({ length: 5 }, () => ['change', iso(t0)]),
    ]);
    expect(items[0]).toEqual({
      kind: 'change',
      id: expect.any(String),
      at: iso(t2),
      actor: { id: w.admin.id, name: 'Ada Admin' },
      field: 'ownerId',
      fieldLabel: 'Owner',
      from: rep.id,
      to: rep2.id,
      fromLabel: 'Rita Rep',
      toLabel: 'Sam Second',
      via: 'api',
    });
    expect(items[1]).toEqual({
      kind: 'activity',
      id: call.id,
      at: iso(t0 + 36 * HOUR),
      actor: { id: rep.id, name: 'Rita Rep' },
      type: 'call',
      subject: 'Kick-off',
      body: null,
      completed: true,
    });
    expect(items[2]).toEqual({
      kind: 'stage_move',
      id: move,
      at: iso(t1),
      actor: { id: rep.id, name: 'Rita Rep' },
      fromStage: 'Qualify',
      toStage: 'Solution',
      criteriaMet: false,
      overrideReason: 'CFO said go',
      review: null,
      skipped: 1,
      direction: 1,
      via: 'board',
      imported: false,
    });
    const created = Object.fromEntries(
      items.slice(3).map((i) => [i.field, [i.to, i.toLabel, i.fromLabel, (i.actor as { name: string } | null)?.name ?? null]]),
    );
    expect(created).toEqual({
      name: ['Acme rollout', null, null, 'Rita Rep'],
      stageId: [stages.byName('Qualify'), 'Qualify', null, 'Rita Rep'],
      ownerId: [rep.id, 'Rita Rep', null, 'Rita Rep'],
      accountId: [acme.id, 'Acme', null, 'Rita Rep'],
      closeDate: ['2027-03-31', null, null, null],
    });

    // The admin also sees the note another rep owns; the rep does not.
    const admin = (await w.as(w.admin).get(`/api/v1/deals/${id}/timeline`)).body.items as Item[];
    expect(admin.filter((i) => i.kind === 'activity').map((i) => i.id)).toEqual([theirs.id, call.id]);
    expect(admin).toHaveLength(9);
  });

  it('pages the merged stream with one cursor, ties across kinds included, nothing lost or repeated', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const t0 = env().clock.now - 5 * DAY;
    const { id, stages } = await deal(w, rep, 'Tied', t0);
    for (let i = 0; i < 4; i++) {
      const at = t0 + (i % 2) * HOUR;
      await insertChangeRow(db(), {
        workspaceId: w.id,
        entity: 'deal',
        entityId: id,
        field: 'amount',
        from: String(i),
        to: String(i + 1),
        actorId: rep.id,
        at,
      });
      await insertStageMoveRow(db(), {
        workspaceId: w.id,
        dealId: id,
        ownerId: rep.id,
        actorId: null,
        at,
        fromStageId: stages.byName('Qualify'),
        toStageId: stages.byName('Discovery'),
      });
      expect((await w.as(rep).post('/api/v1/activities', { type: 'email', subject: `Mail ${i}`, dealId: id, occurredAt: iso(at) })).status).toBe(201);
    }
    const whole = await all(w.as(rep), `/api/v1/deals/${id}/timeline`, 200);
    expect(whole.items).toHaveLength(12);
    expect(whole.pages).toBe(1);
    const at = whole.items.map((i) => Date.parse(i.at));
    expect(at).toEqual([...at].sort((a, b) => b - a));
    // Within one instant: activities, then stage moves, then changes.
    expect(whole.items.slice(0, 6).map((i) => i.kind)).toEqual(['activity', 'activity', 'stage_move', 'stage_move', 'change', 'change']);

    for (const limit of [1, 2, 5]) {
      const paged = await all(w.as(rep), `/api/v1/deals/${id}/timeline`, limit);
      expect(paged.items.map((i) => i.id)).toEqual(whole.items.map((i) => i.id));
      expect(paged.pages).toBe(Math.ceil(12 / limit));
    }
    expect((await w.as(rep).get(`/api/v1/deals/${id}/timeline?cursor=garbage`)).status).toBe(400);
    expect((await w.as(rep).get(`/api/v1/deals/${id}/timeline?limit=0`)).status).toBe(400);
  });

  it('gathers an account’s activities from its deals and contacts, showing each caller only the activities they may see', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep', { name: 'Rita Rep' });
    const admin = w.as(w.admin);
    const { body: account } = await admin.post('/api/v1/accounts', { name: 'Shared Co', shared: true, industry: 'Retail' });
    env().clock.now += HOUR;
    await admin.patch(`/api/v1/accounts/${account.id}`, { version: 1, industry: 'Software' });
    const { body: atAccount } = await admin.post('/api/v1/contacts', { firstName: 'Ann', lastName: 'Account', accountId: account.id });
    const { body: later } = await w.as(rep).post('/api/v1/contacts', { firstName: 'Lou', lastName: 'Later' });
    const { id: dealId } = await deal(w, w.admin, 'Shared deal', env().clock.now);
    const base = env().clock.now - DAY;
    const log = async (as: TestUser, subject: string, links: Record<string, string>, hours: number) =>
      (await w.as(as).post('/api/v1/activities', { type: 'call', subject, occurredAt: iso(base + hours * HOUR), ...links })).body.id as string;
    const onAccount = await log(rep, 'On the account', { accountId: account.id }, 1);
    const onContact = await log(rep, 'With Ann', { contactId: atAccount.id }, 2);
    const onLaterContact = await log(rep, 'With Lou', { contactId: later.id }, 3);
    const onDeal = await log(w.admin, 'On the deal', { dealId }, 4);
    await log(rep, 'Elsewhere', {}, 5);
    // Linked afterwards: the contact joins the account and the deal gets the account.
    env().clock.now += HOUR;
    await w.as(rep).patch(`/api/v1/contacts/${later.id}`, { version: 1, accountId: account.id });
    await db().updateTable('deals').set({ account_id: account.id }).where('id', '=', dealId).execute();

    const adminView = (await admin.get(`/api/v1/accounts/${account.id}/timeline`)).body.items as Item[];
    expect(adminView.filter((i) => i.kind === 'activity').map((i) => i.id)).toEqual([onDeal, onLaterContact, onContact, onAccount]);
    const changes = adminView.filter((i) => i.kind === 'change');
    expect(changes[0]).toMatchObject({ field: 'industry', from: 'Retail', to: 'Software', fromLabel: null, toLabel: null, actor: { id: w.admin.id } });
    expect(changes.find((c) => c.field === 'ownerId')).toMatchObject({ from: null, to: w.admin.id, toLabel: 'Ada Admin' });
    expect(changes.find((c) => c.field === 'shared')).toMatchObject({ to: '1' });

    const repView = (await w.as(rep).get(`/api/v1/accounts/${account.id}/timeline`)).body.items as Item[];
    expect(repView.filter((i) => i.kind === 'activity').map((i) => i.id)).toEqual([onLaterContact, onContact, onAccount]);
    expect(repView.filter((i) => i.kind === 'change')).toEqual(changes);

    const contactView = (await w.as(rep).get(`/api/v1/contacts/${later.id}/timeline`)).body.items as Item[];
    expect(contactView[0]).toMatchObject({ kind: 'change', field: 'accountId', from: null, to: account.id, toLabel: 'Shared Co', actor: { name: 'Rita Rep' } });
    expect(contactView.slice(1, 4).map((i) => i.field)).toEqual(expect.arrayContaining(['firstName', 'lastName', 'ownerId']));
    expect(contactView.slice(4)).toMatchObject([{ kind: 'activity', id: onLaterContact, subject: 'With Lou' }]);
  });

  it('answers 404 for records out of reach, 403 for roles without deals, and never crosses workspaces', async () => {
    const w = await env().workspace();
    const manager = await w.user('manager');
    const team = await w.team('North', { managerId: manager.id });
    const nested = await w.team('North East', { parentId: team });
    const rep = await w.user('rep', { teamId: nested });
    const outsider = await w.user('rep');
    const marketing = await w.user('marketing');
    const other = await env().workspace();
    const { id: dealId } = await deal(w, rep, 'Nested deal', env().clock.now);
    const { body: contact } = await w.as(rep).post('/api/v1/contacts', { firstName: 'Con', lastName: 'Tact' });
    const { body: account } = await w.as(rep).post('/api/v1/accounts', { name: 'Own Co' });
    await w.as(rep).post('/api/v1/activities', { type: 'call', subject: 'Hello', contactId: contact.id, occurredAt: iso(env().clock.now - HOUR) });

    const urls = [`/api/v1/deals/${dealId}/timeline`, `/api/v1/contacts/${contact.id}/timeline`, `/api/v1/accounts/${account.id}/timeline`] as const;
    for (const url of urls) {
      expect((await w.as(rep).get(url)).status).toBe(200);
      expect((await w.as(manager).get(url)).status).toBe(200);
      expect((await w.as(w.admin).get(url)).status).toBe(200);
      const hidden = await w.as(outsider).get(url);
      expect(hidden.status).toBe(404);
      expect(hidden.body.error?.code).toBe('not_found');
      expect((await w.as(other.admin).get(url)).status).toBe(404);
    }
    expect((await w.as(rep).get('/api/v1/deals/no-such-deal/timeline')).status).toBe(404);
    expect((await w.as(marketing).get(urls[0])).status).toBe(403);
    // Marketing reads contacts but not activities: the history alone.
    const mk = await w.as(marketing).get(urls[1]);
    expect(mk.status).toBe(200);
    expect(mk.body.items.map((i) => i.kind)).toEqual(['change', 'change', 'change']);
    expect((await w.as(rep).get(urls[1])).body.items.map((i) => i.kind)).toEqual(['change', 'change', 'change', 'activity']);
    await db().updateTable('deals').set({ deleted_at: env().clock.now }).where('id', '=', dealId).execute();
    expect((await w.as(rep).get(urls[0])).status).toBe(404);
  });

  it('reads in words: checklist items and qualification elements by their names at the time, never keys or ids', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const admin = w.as(w.admin);
    const api = w.as(rep);
    const { body: pipelines } = await admin.get('/api/v1/pipelines');
    const pipelineId = pipelines.items[0]!.id as string;
    const process = async () => (await admin.get(`/api/v1/pipelines/${pipelineId}/process`)).body;
    let p = await process();
    const qualify = p.stages.find((s: { name: string }) => s.name === 'Qualify');
    const added = await admin.post(`/api/v1/stages/${qualify!.id}/criteria`, {
      version: p.pipeline.version,
      kind: 'checklist',
      label: 'Value hypothesis agreed',
    });
    expect(added.status).toBe(201);
    p = await process();
    const criterionId = p.stages.find((s: { name: string }) => s.name === 'Qualify')!.criteria[0]!.id as string;
    const { body: created } = await api.post('/api/v1/deals', { name: 'Words', amount: 1_00, closeDate: '2027-01-01' });
    env().clock.now += HOUR;
    expect((await api.put(`/api/v1/deals/${created.id}/checklist/${criterionId}`, { checked: true })).status).toBe(200);
    env().clock.now += HOUR;
    const { body: frameworks } = await api.get('/api/v1/qualification-frameworks');
    const meddpicc = frameworks.items.find((f: { key: string }) => f.key === 'meddpicc');
    const scored = await api.put(`/api/v1/deals/${created.id}/qualification/${meddpicc!.id}`, {
      scores: [{ elementKey: 'economic_buyer', score: 2, evidence: 'CFO named' }],
    });
    expect(scored.status).toBe(200);
    env().clock.now += HOUR;
    // Renamed later: the old tick keeps the name it had when it was ticked.
    const renamed = await admin.patch(`/api/v1/exit-criteria/${criterionId}`, { version: p.pipeline.version, label: 'Value case signed off' });
    expect(renamed.status).toBe(200);
    env().clock.now += HOUR;
    await api.put(`/api/v1/deals/${created.id}/checklist/${criterionId}`, { checked: false });

    const items = (await api.get(`/api/v1/deals/${created.id}/timeline`)).body.items as Item[];
    const changes = items.filter((i) => i.kind === 'change');
    expect(changes.slice(0, 3).map((c) => [c.fieldLabel, c.fromLabel, c.toLabel])).toEqual([
      ['Checklist: Value case signed off', 'Done', 'Not done'],
      ['MEDDPICC: Economic buyer', 'Not scored', '2 of 3 — CFO named'],
      ['Checklist: Value hypothesis agreed', 'Not done', 'Done'],
    ]);
    expect(changes.find((c) => c.field === 'closeDate')?.fieldLabel).toBe('Close date');
    for (const c of changes) {
      expect(c.fieldLabel).not.toMatch(/[0-9a-f]{8}-|\.|^checklist|^qualification/);
      expect(`${c.fromLabel ?? ''} ${c.toLabel ?? ''}`).not.toContain(criterionId);
    }
  });

  it('shows a move once, and writes it once, whatever the path, even when the clock ticks inside the save', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const api = w.as(rep);
    const stages = await stagesOf(db(), w.id);
    const clock = env().clock;
    const fixed = clock.now;
    let t = fixed;
    // A real clock: every read is a later millisecond, as in production.
    Object.defineProperty(clock, 'now', {
      get: () => ++t,
      set: (v: number) => {
        t = v;
      },
      configurable: true,
    });
    try {
      for (const via of ['board', 'form'] as const) {
        const { body: created } = await api.post('/api/v1/deals', { name: `Move ${via}`, amount: 1_00, closeDate: '2027-01-01' });
        const moved = await api.post(`/api/v1/deals/${created.id}/move`, { version: created.version, stageId: stages.byName('Discovery'), via });
        expect(moved.status).toBe(200);
        const moves = await db().selectFrom('stage_moves').select(['at']).where('deal_id', '=', created.id).execute();
        const stageRows = await db()
          .selectFrom('changes')
          .select(['at'])
          .where('entity_id', '=', created.id)
          .where('field', '=', 'stage_id')
          .where('from_value', 'is not', null)
          .execute();
        expect(moves).toHaveLength(1);
        expect(stageRows).toHaveLength(1);
        expect(Number(stageRows[0]?.at)).toBe(Number(moves[0]?.at));
        const items = (await api.get(`/api/v1/deals/${created.id}/timeline`)).body.items as Item[];
        const aboutTheMove = items.filter((i) => i.kind === 'stage_move' || (i.kind === 'change' && i.field === 'stageId' && i.from !== null));
        expect(aboutTheMove.map((i) => i.kind)).toEqual(['stage_move']);
      }
    } finally {
      Object.defineProperty(clock, 'now', { value: fixed, writable: true, configurable: true });
    }
  });
});
