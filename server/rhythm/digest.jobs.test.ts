// The weekly digest through the jobs layer on the worked example: Monday 07:00 on the workspace's
// clock every sales person gets one digest (however often the schedule runs), in numbers only,
// read with their own reach.
import { expect, it } from 'vitest';
import { agreementInForce, HOT_LEAD } from '../alignment/testing.js';
import { JOBS, SCHEDULES } from '../jobs/registry.js';
import { createJobRunner } from '../jobs/runner.js';
import { workedExample } from '../measurement/testing/worked-example.js';
import { describeEngines, type TestUser } from '../test/test-env.js';

describeEngines('weekly digest', { ownDatabase: true }, (env) => {
  it('sends each sales person one digest on Monday morning, naming no record', async () => {
    const clock = env().clock;
    const x = await workedExample(env());
    await x.w.as(x.w.admin).put('/api/v1/quotas', { items: [{ scopeType: 'user', scopeId: x.ann.id, periodKey: 'FY2026-Q4', amount: 300_000 }] });
    const runner = createJobRunner({ database: env().database, config: env().config, now: () => clock.now, jobs: JOBS, schedules: SCHEDULES });
    const digests = async (who: TestUser) =>
      (await x.w.as(who).get('/api/v1/notifications')).body.items.filter((n: { kind: string }) => n.kind === 'rhythm.weekly-digest');

    // Sunday evening: nothing yet.
    clock.now = Date.parse('2026-11-29T20:00:00.000Z');
    await runner.runDue();
    expect(await digests(x.ann)).toHaveLength(0);
    // Monday 07:00 and the passes after it: one digest each.
    clock.now = Date.parse('2026-11-30T07:00:30.000Z');
    for (let i = 0; i < 3; i++) {
      await runner.runDue();
      clock.now += 60_000;
    }
    const ann = await digests(x.ann);
    expect(ann).toHaveLength(1);
    expect(ann[0]?.title).toMatch(/^Your week 2026-W49: planted .* of .* needed to date; behind in \d+ months? — plant .* extra a month$/);
    expect(ann[0]?.record?.path).toBe('/digest');
    const mia = await digests(x.mia);
    expect(mia).toHaveLength(1);
    expect(mia[0]?.title).toMatch(/discipline index \d+/);
    expect((await digests(x.dan))[0]?.title).toBe('Your week 2026-W49: nothing needs your attention');
    for (const n of [...ann, ...mia]) for (const name of ['D1', 'D2', 'D3', 'D4', 'Ann', 'Ben', 'Cat', 'Dan', ' T ']) expect(n.title).not.toContain(name);

    const jobs = await env()
      .database.db.selectFrom('jobs')
      .select(['id'])
      .where('name', '=', 'rhythm.weekly-digest')
      .where('workspace_id', '=', x.w.id)
      .execute();
    // Admin, Mia, Ann, Ben, Cat, Dan: one job each for the week.
    expect(jobs).toHaveLength(6);
  });
});

describeEngines('weekly digest: what needs attention', { ownDatabase: true }, (env) => {
  it('counts breached leads, gated deals, expectations off track and the week’s rituals, and the page lists each with its link', async () => {
    const clock = env().clock;
    const x = await workedExample(env());
    const admin = x.w.as(x.w.admin);
    const marketing = await x.w.user('marketing', { name: 'Mo Marketing' });
    await agreementInForce(x.w, marketing);
    // Friday morning a hot lead goes straight to Ann; nobody accepts it, so by Monday its accept clock has run out.
    clock.now = Date.parse('2026-11-27T09:00:00.000Z');
    const lead = await admin.post('/api/v1/leads', { ...HOT_LEAD, ownerId: x.ann.id });
    expect(lead.status, JSON.stringify(lead.body)).toBe(201);
    clock.now = Date.parse('2026-11-28T10:00:00.000Z');
    // Qualify now needs a ticked checklist item, which Ann's new deal lacks.
    const { body: pipelines } = await admin.get('/api/v1/pipelines');
    const qualify = (pipelines.items[0]!.stages as { id: string; name: string }[]).find((s) => s.name === 'Qualify')?.id;
    const process = (await admin.get(`/api/v1/pipelines/${pipelines.items[0]!.id}/process`)).body;
    const criterion = await admin.post(`/api/v1/stages/${qualify}/criteria`, { version: process.pipeline.version, kind: 'checklist', label: 'Pain confirmed' });
    expect(criterion.status, JSON.stringify(criterion.body)).toBe(201);
    const deal = await x.w.as(x.ann).post('/api/v1/deals', { name: 'Gated deal', amount: 5_000, closeDate: '2027-01-31' });
    expect(deal.status, JSON.stringify(deal.body)).toBe(201);
    // Ann's Q4 win rate is 0.5 (D1 won, D2 lost): red against these thresholds.
    const expectation = await admin.post('/api/v1/expectations', {
      kpiId: 'win_rate',
      scopeType: 'user',
      scopeId: x.ann.id,
      periodKind: 'quarter',
      target: 0.9,
      amberThreshold: 0.8,
      redThreshold: 0.7,
      ownerId: x.ann.id,
    });
    expect(expectation.body.current?.status, JSON.stringify(expectation.body)).toBe('red');
    // Mia's forecast call on Tuesdays, Ann attending: one occurrence in the coming week for both.
    const ritual = await x.w.as(x.mia).post('/api/v1/rituals', {
      kind: 'forecast_call',
      teamId: x.teamId,
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
      startsAt: '2026-11-24T16:00',
      attendeeIds: [x.ann.id],
    });
    expect(ritual.status, JSON.stringify(ritual.body)).toBe(201);

    const runner = createJobRunner({ database: env().database, config: env().config, now: () => clock.now, jobs: JOBS, schedules: SCHEDULES });
    await runner.runDue();
    clock.now = Date.parse('2026-11-30T07:00:30.000Z');
    for (let i = 0; i < 2; i++) {
      await runner.runDue();
      clock.now += 60_000;
    }
    const failed = await env()
      .database.db.selectFrom('jobs')
      .select(['name', 'last_error'])
      .where('workspace_id', '=', x.w.id)
      .where('state', '=', 'failed')
      .execute();
    expect(failed).toEqual([]);
    const title = async (who: TestUser) =>
      ((await x.w.as(who).get('/api/v1/notifications')).body.items.find((n: { kind: string }) => n.kind === 'rhythm.weekly-digest')?.title ?? null) as
        | string
        | null;
    const ann = await title(x.ann);
    for (const line of ['1 lead past the SLA', '1 deal held at a gate', '1 expectation off track (1 red)', '1 ritual this week']) expect(ann).toContain(line);
    // Mia's reach holds her team's lead, not Ann's deal or expectation; she owns the ritual.
    const mia = await title(x.mia);
    expect(mia).toContain('1 lead past the SLA');
    expect(mia).toContain('1 ritual this week');
    expect(mia).not.toContain('held at a gate');
    expect(mia).not.toContain('off track');
    expect(await title(x.ben)).not.toMatch(/SLA|gate|off track|ritual/);
    expect(await title(marketing)).toBeNull();
    for (const name of ['Dana', 'Acme', 'Gated deal', 'Win rate', 'Forecast']) expect(ann).not.toContain(name);

    // The page: the same week, each item with where it is acted on.
    const page = await x.w.as(x.ann).get('/api/v1/rhythm/digest');
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    expect(page.body.week).toBe('2026-W49');
    expect(page.body.lines).toEqual(ann?.replace(/^Your week 2026-W49: /, '').split('; '));
    expect(page.body.breachedLeads).toEqual([expect.objectContaining({ id: lead.body.lead.id, clause: 'accept', path: `/leads/${lead.body.lead.id}` })]);
    expect(page.body.gatedDeals).toEqual([expect.objectContaining({ id: deal.body.id, missing: ['Pain confirmed'], path: `/deals/${deal.body.id}` })]);
    expect(page.body.offTrackExpectations).toEqual([
      expect.objectContaining({ id: expectation.body.id, status: 'red', path: '/expectations?status=off_track' }),
    ]);
    expect(page.body.ritualsThisWeek).toHaveLength(1);
    expect(page.body.ritualsThisWeek[0]?.scheduledAt).toBe('2026-12-01T16:00:00.000Z');
    expect(page.body.ritualsThisWeek[0]?.path).toMatch(/^\/rituals\/occurrences\//);
    expect((await x.w.as(x.ben).get('/api/v1/rhythm/digest')).body.breachedLeads).toEqual([]);
    expect((await x.w.as(marketing).get('/api/v1/rhythm/digest')).status).toBe(403);
  });
});
