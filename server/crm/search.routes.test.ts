import { expect, it } from 'vitest';
import { insertDealRow, stagesOf } from '../test/crm-rows.js';
import { describeEngines, type TestUser, type TestWorkspace } from '../test/test-env.js';

interface Result {
  type: string;
  id: string;
  title: string;
  subtitle: string | null;
  opens?: { type: string; id: string } | null;
}

describeEngines('global search', (env) => {
  async function deal(w: TestWorkspace, owner: TestUser, name: string, o: { accountId?: string; amount?: number; deleted?: boolean } = {}) {
    const stages = await stagesOf(env().database.db, w.id);
    return insertDealRow(env().database.db, {
      workspaceId: w.id,
      ownerId: owner.id,
      name,
      stageId: stages.byName('Qualify'),
      pipelineId: stages.pipelineId,
      at: env().clock.now,
      accountId: o.accountId ?? null,
      amount: o.amount,
      deletedAt: o.deleted ? env().clock.now : null,
    });
  }

  const found = async (w: TestWorkspace, user: TestUser, query: string) => {
    const res = await w.as(user).get(`/api/v1/search?${query}`);
    expect(res.status).toBe(200);
    return res.body.items as Result[];
  };
  const titles = (items: Result[]) => items.map((i) => `${i.type}:${i.title}`);

  it('ranks prefix matches before matches inside the text, case-insensitively, with a subtitle per type', async () => {
    const w = await env().workspace();
    const api = w.as(w.admin);
    const { body: acme } = await api.post('/api/v1/accounts', { name: 'Acme GmbH', industry: 'Software' });
    await api.post('/api/v1/accounts', { name: 'Big Acme', domain: 'bigacme.example' });
    await api.post('/api/v1/accounts', { name: 'Zeta', domain: 'acme-partner.example' });
    await api.post('/api/v1/accounts', { name: 'Unrelated' });
    await api.post('/api/v1/contacts', { firstName: 'Wile', lastName: 'Coyote', email: 'wile@ACME.example', accountId: acme.id });
    await api.post('/api/v1/contacts', { firstName: 'Ann', lastName: 'Acmeson' });
    const rollout = await deal(w, w.admin, 'Acme rollout', { accountId: acme.id, amount: 1_250_000 });
    await deal(w, w.admin, 'Renewal for acme', { amount: 100_000 });

    const items = await found(w, w.admin, 'q=ACME');
    expect(titles(items)).toEqual([
      'account:Acme GmbH',
      'deal:Acme rollout',
      'contact:Ann Acmeson',
      'account:Zeta',
      'account:Big Acme',
      'deal:Renewal for acme',
      'contact:Wile Coyote',
    ]);
    expect(items.map((i) => i.subtitle)).toEqual([
      'Software · Ada Admin',
      'Acme GmbH · Qualify · €12,500.00',
      null,
      'acme-partner.example · Ada Admin',
      'bigacme.example · Ada Admin',
      'Qualify · €1,000.00',
      'Acme GmbH · wile@acme.example',
    ]);
    expect(items[1]?.id).toBe(rollout);
    expect(items[0]?.id).toBe(acme.id);

    expect(titles(await found(w, w.admin, 'q=acme&types=contact,deal'))).toEqual([
      'deal:Acme rollout',
      'contact:Ann Acmeson',
      'deal:Renewal for acme',
      'contact:Wile Coyote',
    ]);
    expect(titles(await found(w, w.admin, 'q=acme&limit=2'))).toEqual(['account:Acme GmbH', 'deal:Acme rollout']);
    expect(titles(await found(w, w.admin, 'q=%20ann%20acm%20'))).toEqual(['contact:Ann Acmeson']);
  });

  it('matches % and _ literally', async () => {
    const w = await env().workspace();
    const api = w.as(w.admin);
    await api.post('/api/v1/accounts', { name: '100% Cotton' });
    await api.post('/api/v1/accounts', { name: 'Cotton_Co' });
    await api.post('/api/v1/accounts', { name: 'Cottonwood' });
    expect(titles(await found(w, w.admin, 'q=%25'))).toEqual(['account:100% Cotton']);
    expect(titles(await found(w, w.admin, 'q=_'))).toEqual(['account:Cotton_Co']);
    expect(titles(await found(w, w.admin, 'q=cotton'))).toEqual(['account:Cotton_Co', 'account:Cottonwood', 'account:100% Cotton']);
  });

  it('finds only what each caller may see, type by type', async () => {
    const w = await env().workspace();
    const manager = await w.user('manager');
    const team = await w.team('South', { managerId: manager.id });
    const nested = await w.team('South West', { parentId: team });
    const repA = await w.user('rep', { teamId: team });
    const repB = await w.user('rep', { teamId: nested });
    const repC = await w.user('rep');
    const marketing = await w.user('marketing');
    const other = await env().workspace();
    for (const [user, name] of [
      [repA, 'Scope A'],
      [repB, 'Scope B'],
      [repC, 'Scope C'],
    ] as const)
      await w.as(user).post('/api/v1/accounts', { name });
    const { body: shared } = await w.as(w.admin).post('/api/v1/accounts', { name: 'Scope Shared', shared: true });
    await w.as(w.admin).post('/api/v1/contacts', { firstName: 'Scope', lastName: 'Person', accountId: shared.id });
    await w.as(w.admin).post('/api/v1/contacts', { firstName: 'Scope', lastName: 'Private' });
    await w.as(repB).post('/api/v1/contacts', { firstName: 'Scope', lastName: 'Bee' });
    await deal(w, repA, 'Scope deal A');
    await deal(w, repB, 'Scope deal B');
    await deal(w, repC, 'Scope deal C');
    await deal(w, repA, 'Scope deal gone', { deleted: true });

    const sorted = async (user: TestUser, query = 'q=scope') => titles(await found(w, user, query)).sort();
    expect(await sorted(repA)).toEqual(['account:Scope A', 'account:Scope Shared', 'contact:Scope Person', 'deal:Scope deal A']);
    expect(await sorted(repC)).toEqual(['account:Scope C', 'account:Scope Shared', 'contact:Scope Person', 'deal:Scope deal C']);
    expect(await sorted(manager)).toEqual([
      'account:Scope A',
      'account:Scope B',
      'account:Scope Shared',
      'contact:Scope Bee',
      'contact:Scope Person',
      'deal:Scope deal A',
      'deal:Scope deal B',
    ]);
    expect(await sorted(w.admin)).toEqual([
      'account:Scope A',
      'account:Scope B',
      'account:Scope C',
      'account:Scope Shared',
      'contact:Scope Bee',
      'contact:Scope Person',
      'contact:Scope Private',
      'deal:Scope deal A',
      'deal:Scope deal B',
      'deal:Scope deal C',
    ]);
    // Marketing reads accounts and contacts but no deal details.
    expect(await sorted(marketing)).toEqual([
      'account:Scope A',
      'account:Scope B',
      'account:Scope C',
      'account:Scope Shared',
      'contact:Scope Bee',
      'contact:Scope Person',
      'contact:Scope Private',
    ]);
    expect(await sorted(marketing, 'q=scope&types=deal')).toEqual([]);
    expect(await sorted(other.admin)).toEqual([]);
  });

  it('finds activities by subject or body, scoped like the activity list, never naming a linked record out of reach', async () => {
    const w = await env().workspace();
    const manager = await w.user('manager');
    const team = await w.team('North', { managerId: manager.id });
    const repA = await w.user('rep', { teamId: team });
    const repC = await w.user('rep');
    const marketing = await w.user('marketing');
    const { body: hidden } = await w.as(w.admin).post('/api/v1/accounts', { name: 'Hidden Holdings' });
    const merger = await deal(w, repA, 'Secret merger', { accountId: hidden.id });
    const { body: olga } = await w.as(repA).post('/api/v1/contacts', { firstName: 'Olga', lastName: 'Petrova' });
    const at = '2026-11-20T10:00:00.000Z';
    const log = async (user: TestUser, body: Record<string, unknown>) => {
      const res = await w.as(user).post('/api/v1/activities', { occurredAt: at, ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const kickoff = await log(repA, { type: 'call', subject: 'Kickoff call with Orbit', body: 'Walked through the pricing sheet', dealId: merger });
    await log(repA, { type: 'note', subject: 'Orbit pricing' });
    const email = await log(repA, { type: 'email', subject: 'Orbit email', contactId: olga.id });
    await log(repC, { type: 'meeting', subject: 'Orbit kickoff' });
    const gone = await log(repA, { type: 'task', subject: 'Orbit gone' });
    expect((await w.as(repA).delete(`/api/v1/activities/${gone}`)).status).toBe(204);

    // The deal is reassigned out of repA's reach: repA still finds the call, but neither its deal nor
    // the deal's account (the admin's) is named or opened.
    await env().database.db.updateTable('deals').set({ owner_id: repC.id }).where('id', '=', merger).execute();
    const mine = await found(w, repA, 'q=orbit');
    expect(titles(mine)).toEqual(['activity:Orbit email', 'activity:Orbit pricing', 'activity:Kickoff call with Orbit']);
    expect(mine.map((i) => [i.subtitle, i.opens])).toEqual([
      ['Email · Olga Petrova', { type: 'contact', id: olga.id }],
      ['Note', null],
      ['Call', null],
    ]);
    expect(JSON.stringify(mine)).not.toMatch(/Secret|Hidden/);
    // Words match the body too, and any order.
    expect(titles(await found(w, repA, 'q=sheet%20pric&types=activity'))).toEqual(['activity:Kickoff call with Orbit']);

    expect(titles(await found(w, repC, 'q=orbit'))).toEqual(['activity:Orbit kickoff']);
    expect(titles(await found(w, manager, 'q=orbit')).sort()).toEqual(['activity:Kickoff call with Orbit', 'activity:Orbit email', 'activity:Orbit pricing']);
    expect(await found(w, marketing, 'q=orbit')).toEqual([]);
    // The admin reads the deal: the call names and opens it.
    const admin = await found(w, w.admin, 'q=kickoff&types=activity');
    expect(admin.map((i) => [i.title, i.subtitle, i.opens])).toEqual([
      ['Kickoff call with Orbit', 'Call · Secret merger', { type: 'deal', id: merger }],
      ['Orbit kickoff', 'Meeting', null],
    ]);
    expect(admin[0]?.id).toBe(kickoff);
    expect((await found(w, w.admin, 'q=orbit%20email'))[0]?.id).toBe(email);
  });

  it('names the bad parameter', async () => {
    const w = await env().workspace();
    const api = w.as(w.admin);
    for (const [query, field] of [
      ['q=%20%20', 'q'],
      ['', 'q'],
      ['q=a&types=task', 'types'],
      ['q=a&types=account,', 'types'],
      ['q=a&limit=51', 'limit'],
      ['q=a&sort=name', 'sort'],
    ]) {
      const res = await api.get(`/api/v1/search?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error?.details.fields.map((f: { field: string }) => f.field)).toEqual([field]);
    }
    expect((await env().anonymous().get('/api/v1/search?q=a')).status).toBe(401);
  });

  it('matches word prefixes in any order, across a deal and its account, ranking the best first, the same on both engines', async () => {
    const w = await env().workspace();
    const api = w.as(w.admin);
    const { body: quantum } = await api.post('/api/v1/accounts', { name: 'Quantum Ltd' });
    await deal(w, w.admin, 'Quantum onboarding');
    await deal(w, w.admin, 'Onboarding for Quantum Ltd');
    await deal(w, w.admin, 'Onboarding', { accountId: quantum.id });
    await deal(w, w.admin, 'Quantumleap onboard');
    await deal(w, w.admin, 'Subquantum onboarding');
    await api.post('/api/v1/contacts', { firstName: 'Ona', lastName: 'Quant', email: 'ona@quantum-ltd.example' });

    expect(titles(await found(w, w.admin, 'q=quantum%20onboarding&types=deal'))).toEqual([
      'deal:Quantum onboarding',
      'deal:Onboarding',
      'deal:Onboarding for Quantum Ltd',
    ]);
    expect(titles(await found(w, w.admin, 'q=onb%20QUANT&types=deal'))).toEqual([
      'deal:Onboarding',
      'deal:Onboarding for Quantum Ltd',
      'deal:Quantum onboarding',
      'deal:Quantumleap onboard',
    ]);
    expect(titles(await found(w, w.admin, 'q=quantum%20ona&types=contact'))).toEqual(['contact:Ona Quant']);
    expect(await found(w, w.admin, 'q=uantum')).toEqual([]);
  });

  it('folds case and accent forms the same on both engines, beyond ASCII', async () => {
    const w = await env().workspace();
    const api = w.as(w.admin);
    await api.post('/api/v1/accounts', { name: 'Éclair Überseehandel' });
    await api.post('/api/v1/accounts', { name: 'Café Ωmega' });
    await api.post('/api/v1/accounts', { name: 'Eclair plain' });
    // Upper case non-ASCII letters find lower case ones and back (SQLite's own LIKE folds ASCII only).
    expect(titles(await found(w, w.admin, `q=${encodeURIComponent('ÜBERSEE éCL')}`))).toEqual(['account:Éclair Überseehandel']);
    expect(titles(await found(w, w.admin, `q=${encodeURIComponent('ωMEGA')}`))).toEqual(['account:Café Ωmega']);
    // A decomposed accent (e + combining acute) is the precomposed é.
    expect(titles(await found(w, w.admin, `q=${encodeURIComponent('CAFE\u0301')}`))).toEqual(['account:Café Ωmega']);
    // An accent is a different letter: "eclair" is not "éclair".
    expect(titles(await found(w, w.admin, 'q=eclair'))).toEqual(['account:Eclair plain']);
  });

  it('ranks an exact title first, then a title starting with the query, then its first word, then elsewhere', async () => {
    const w = await env().workspace();
    for (const name of ['Nova onboarding rollout', 'Rollout Nova onboarding', 'Nova', 'Nova onboarding', 'Nova tools onboarding']) await deal(w, w.admin, name);
    expect(titles(await found(w, w.admin, 'q=nova%20onboarding&types=deal'))).toEqual([
      'deal:Nova onboarding',
      'deal:Nova onboarding rollout',
      'deal:Nova tools onboarding',
      'deal:Rollout Nova onboarding',
    ]);
    expect(titles(await found(w, w.admin, 'q=NOVA&types=deal'))).toEqual([
      'deal:Nova',
      'deal:Nova onboarding',
      'deal:Nova onboarding rollout',
      'deal:Nova tools onboarding',
      'deal:Rollout Nova onboarding',
    ]);
    expect(titles(await found(w, w.admin, 'q=nova&types=deal&limit=2'))).toEqual(['deal:Nova', 'deal:Nova onboarding']);
  });

  it('reads quotes, wildcards, backslashes and control characters as text, never as SQL', async () => {
    const w = await env().workspace();
    const api = w.as(w.admin);
    await api.post('/api/v1/accounts', { name: `O'Brien "Quoted" \\ Back` });
    await api.post('/api/v1/accounts', { name: 'Plain' });
    for (const q of [`o'bri`, '"quoted"', '\\', `' or 1=1 --`, '%_%', 'pla\t\n', 'pla\u007f']) {
      const res = await api.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(res.status, `${JSON.stringify(q)} ${JSON.stringify(res.body)}`).toBe(200);
    }
    // NUL never reaches the database: the request is refused naming q (PostgreSQL text cannot hold it).
    for (const q of ['\u0000', 'pla\u0000', '\u0000\u0000 quo']) {
      const res = await api.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(res.status, JSON.stringify(q)).toBe(400);
      expect(res.body.error?.details.fields.map((f: { field: string }) => f.field)).toEqual(['q']);
    }
    expect(titles(await found(w, w.admin, `q=${encodeURIComponent(`o'bri`)}`))).toEqual([`account:O'Brien "Quoted" \\ Back`]);
    expect(titles(await found(w, w.admin, `q=${encodeURIComponent('"quoted"')}`))).toEqual([`account:O'Brien "Quoted" \\ Back`]);
    expect(titles(await found(w, w.admin, `q=${encodeURIComponent('\\')}`))).toEqual([`account:O'Brien "Quoted" \\ Back`]);
    expect(await found(w, w.admin, `q=${encodeURIComponent(`' or 1=1 --`)}`)).toEqual([]);
    // Other control characters separate words like spaces; a query of nothing else is blank.
    expect(titles(await found(w, w.admin, `q=${encodeURIComponent('\tpla\u0007')}`))).toEqual(['account:Plain']);
    const blank = await api.get(`/api/v1/search?q=${encodeURIComponent('\u0007\t')}`);
    expect(blank.status).toBe(400);
    expect(blank.body.error?.details.fields.map((f: { field: string }) => f.field)).toEqual(['q']);
  });
});
