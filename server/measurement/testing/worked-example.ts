// A small history whose figures are worked out by hand in the tests that use it.
//   Team T (manager Mia) ⊃ T2; Ann and Ben in T, Cat in T2, Dan in no team. Stages: Qualify 10 %,
//   Discovery 20 %, Solution 40 %, Proposal 60 %, Negotiation 80 %.
//   d1 Ann 10 000, created 1 Oct, → Discovery 5 Oct, won 20 Oct        (19 days)
//   d2 Ann 20 000, created 2 Oct, lost 10 Nov (close date 10 Nov)
//   d3 Ben 30 000, created 3 Oct, → Proposal 10 Oct (skips two stages), close date 31 Dec, open
//   d4 Cat 40 000, created 4 Oct, won 20 Nov                           (47 days)
//   d5 Dan 50 000, created 15 Sep, won 5 Oct                           (20 days)
// Every event happens at 10:00 UTC; the clock ends on 28 Nov 2026.
import type { TestEnv, TestUser, TestWorkspace } from '../../test/test-env.js';

export interface WorkedExample {
  w: TestWorkspace;
  mia: TestUser;
  ann: TestUser;
  ben: TestUser;
  cat: TestUser;
  dan: TestUser;
  teamId: string;
  subTeamId: string;
  deals: Record<'d1' | 'd2' | 'd3' | 'd4' | 'd5', string>;
  stage(name: string): string;
}

const at = (date: string) => Date.parse(`${date}T10:00:00Z`);

export async function workedExample(env: TestEnv): Promise<WorkedExample> {
  env.clock.now = at('2026-09-01');
  const w = await env.workspace();
  const mia = await w.user('manager', { name: 'Mia Manager' });
  const teamId = await w.team('T', { managerId: mia.id });
  const subTeamId = await w.team('T2', { parentId: teamId });
  const ann = await w.user('rep', { teamId, name: 'Ann' });
  const ben = await w.user('rep', { teamId, name: 'Ben' });
  const cat = await w.user('rep', { teamId: subTeamId, name: 'Cat' });
  const dan = await w.user('rep', { name: 'Dan' });
  const { body: list } = await w.as(w.admin).get('/api/v1/pipelines');
  const stages = list.items[0]!.stages as { id: string; name: string }[];
  const stage = (name: string) => stages.find((s) => s.name === name)?.id as string;

  const step = async <T>(date: string, fn: () => Promise<{ status: number; body: T }>): Promise<T> => {
    env.clock.now = at(date);
    const res = await fn();
    if (res.status >= 300) throw new Error(`${date}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const create = (user: TestUser, date: string, name: string, amount: number, closeDate: string) =>
    step(date, () => w.as(user).post('/api/v1/deals', { name, amount, closeDate }));

  const d5 = await create(dan, '2026-09-15', 'D5', 50_000, '2026-10-31');
  const d1 = await create(ann, '2026-10-01', 'D1', 10_000, '2026-12-15');
  const d2 = await create(ann, '2026-10-02', 'D2', 20_000, '2026-11-30');
  const d3 = await create(ben, '2026-10-03', 'D3', 30_000, '2026-12-31');
  const d4 = await create(cat, '2026-10-04', 'D4', 40_000, '2026-12-20');
  await step('2026-10-05', () => w.as(ann).post(`/api/v1/deals/${d1.id}/move`, { version: 1, stageId: stage('Discovery') }));
  await step('2026-10-05', () => w.as(dan).patch(`/api/v1/deals/${d5.id}`, { version: 1, status: 'won' }));
  await step('2026-10-10', () => w.as(ben).post(`/api/v1/deals/${d3.id}/move`, { version: 1, stageId: stage('Proposal') }));
  await step('2026-10-20', () => w.as(ann).patch(`/api/v1/deals/${d1.id}`, { version: 2, status: 'won' }));
  await step('2026-11-10', () => w.as(ann).patch(`/api/v1/deals/${d2.id}`, { version: 1, status: 'lost', lostReason: 'Price' }));
  await step('2026-11-20', () => w.as(cat).patch(`/api/v1/deals/${d4.id}`, { version: 1, status: 'won' }));
  env.clock.now = at('2026-11-28');
  return { w, mia, ann, ben, cat, dan, teamId, subTeamId, deals: { d1: d1.id, d2: d2.id, d3: d3.id, d4: d4.id, d5: d5.id }, stage };
}
