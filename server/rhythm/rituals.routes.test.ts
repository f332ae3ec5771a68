// Rituals through the API: create (RRULE and start checked, naming the field), the team reach of a
// manager, occurrences on the wall clock across DST, completion with versions, the agenda, the
// default rhythm, and a recurrence change that leaves the past alone.
import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser, type TestWorkspace } from '../test/test-env.js';

describeEngines('rituals', (env) => {
  let w: TestWorkspace;
  let manager: TestUser;
  let rep: TestUser;
  let outsider: TestUser;
  let otherManager: TestUser;
  let team: string;
  let otherTeam: string;

  beforeAll(async () => {
    w = await env().workspace({ timezone: 'Europe/Berlin' });
    manager = await w.user('manager', { name: 'Mia Manager' });
    otherManager = await w.user('manager', { name: 'Otto Other' });
    team = await w.team('East', { managerId: manager.id });
    otherTeam = await w.team('West', { managerId: otherManager.id });
    rep = await w.user('rep', { teamId: team, name: 'Rita Rep' });
    outsider = await w.user('rep', { teamId: otherTeam, name: 'Oscar Out' });
  });

  const review = (extra: Record<string, unknown> = {}) => ({
    kind: 'pipeline_review',
    teamId: team,
    rrule: 'FREQ=WEEKLY;BYDAY=MO',
    startsAt: '2026-12-07T09:00',
    ...extra,
  });

  it('creates a ritual for the manager’s team with the team as attendees, in words and with its next occurrence', async () => {
    const res = await w.as(manager).post('/api/v1/rituals', review());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'pipeline_review',
      title: 'Weekly pipeline review',
      owner: { id: manager.id },
      recurrenceText: 'every week on Monday',
      timezone: 'Europe/Berlin',
      canEdit: true,
    });
    expect(res.body.attendees.map((a: { id: string }) => a.id)).toEqual([rep.id]);
    // 7 December 2026, 09:00 in Berlin (UTC+1).
    expect(res.body.nextOccurrence?.scheduledAt).toBe('2026-12-07T08:00:00.000Z');
  });

  it('refuses a bad recurrence, start, team or person with a 400 naming the field, and a rep with 403', async () => {
    const api = w.as(manager);
    const bad: [Record<string, unknown>, string][] = [
      [review({ rrule: 'FREQ=WEEKLYX' }), 'rrule'],
      [review({ rrule: 'FREQ=HOURLY' }), 'rrule'],
      [review({ rrule: 'BYDAY=MO' }), 'rrule'],
      [review({ startsAt: '2026-02-30T09:00' }), 'startsAt'],
      [review({ startsAt: 'tomorrow' }), 'startsAt'],
      [review({ teamId: otherTeam }), 'teamId'],
      [review({ ownerId: outsider.id }), 'ownerId'],
      [review({ attendeeIds: [rep.id, '01890000-0000-7000-8000-000000000000'] }), 'attendeeIds/1'],
      [review({ kind: 'party' }), 'kind'],
    ];
    for (const [body, field] of bad) {
      const res = await api.post('/api/v1/rituals', body);
      expect(res.status, `${field}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.error?.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    expect((await w.as(rep).post('/api/v1/rituals', review())).status).toBe(403);
  });

  it('expands occurrences at 09:00 local across the DST change and lists them to attendees only', async () => {
    const created = await w.as(manager).post('/api/v1/rituals', review({ title: 'Spring review', startsAt: '2027-03-15T09:00' }));
    expect(created.status).toBe(201);
    const q = `from=2027-03-14T00:00:00.000Z&to=2027-04-06T00:00:00.000Z&ritualId=${created.body.id}`;
    const list = await w.as(rep).get(`/api/v1/ritual-occurrences?${q}`);
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.items.map((o: { scheduledAt: string }) => o.scheduledAt)).toEqual([
      '2027-03-15T08:00:00.000Z',
      '2027-03-22T08:00:00.000Z',
      '2027-03-29T07:00:00.000Z',
      '2027-04-05T07:00:00.000Z',
    ]);
    expect(list.body.items[0]?.canComplete).toBe(false);
    expect((await w.as(outsider).get(`/api/v1/ritual-occurrences?${q}`)).body.items).toEqual([]);
    expect((await w.as(outsider).get(`/api/v1/rituals/${created.body.id}`)).status).toBe(404);
    expect((await w.as(rep).get(`/api/v1/rituals/${created.body.id}`)).status).toBe(200);
    expect((await w.as(otherManager).get(`/api/v1/rituals/${created.body.id}`)).status).toBe(404);
    expect((await w.as(w.admin).get(`/api/v1/rituals/${created.body.id}`)).status).toBe(200);
  });

  it('records held and skipped with notes under a version: 409 on a stale one, 403 for an attendee, 404 for a stranger', async () => {
    const created = (await w.as(manager).post('/api/v1/rituals', review({ title: 'Held review', startsAt: '2026-11-30T09:00' }))).body;
    const occ = (await w.as(manager).get(`/api/v1/rituals/${created.id}`)).body.nextOccurrence;
    const path = `/api/v1/ritual-occurrences/${occ!.id}/completion` as const;
    expect((await w.as(rep).put(path, { version: 1, status: 'held' })).status).toBe(403);
    expect((await w.as(outsider).put(path, { version: 1, status: 'held' })).status).toBe(404);
    const future = await w.as(manager).put(path, { version: 1, status: 'held', heldAt: '2027-01-01T10:00:00.000Z' });
    expect(future.status).toBe(400);
    expect(future.body.error?.details.fields[0]?.field).toBe('heldAt');
    const held = await w.as(manager).put(path, { version: 1, status: 'held', notes: 'Went through the top ten deals' });
    expect(held.status, JSON.stringify(held.body)).toBe(200);
    expect(held.body).toMatchObject({ status: 'held', notes: 'Went through the top ten deals', completedBy: { id: manager.id }, version: 2 });
    expect(held.body.heldAt).toBe(new Date(env().clock.now).toISOString());
    const stale = await w.as(manager).put(path, { version: 1, status: 'skipped' });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.code).toBe('stale');
    const skipped = await w.as(manager).put(path, { version: 2, status: 'skipped' });
    expect(skipped.body).toMatchObject({ status: 'skipped', heldAt: null, notes: 'Went through the top ten deals', version: 3 });
    const rows = await env()
      .database.db.selectFrom('ritual_completions')
      .select(['status'])
      .where('occurrence_id', '=', occ!.id)
      .orderBy('recorded_at')
      .execute();
    expect(rows.map((r) => r.status)).toEqual(['held', 'skipped']);
  });

  it('prepares the pipeline review agenda from live data and a 1:1 from coaching', async () => {
    const created = (await w.as(manager).post('/api/v1/rituals', review({ title: 'Agenda review' }))).body;
    const deal = await w.as(rep).post('/api/v1/deals', { name: 'Stuck deal', amount: 500000, closeDate: '2027-01-31' });
    expect(deal.status).toBe(201);
    const agenda = await w.as(manager).get(`/api/v1/ritual-occurrences/${created.nextOccurrence!.id}/agenda`);
    expect(agenda.status, JSON.stringify(agenda.body)).toBe(200);
    expect(agenda.body.sections.map((s: { key: string }) => s.key)).toEqual(['at-risk', 'moves']);
    const risk = agenda.body.sections[0];
    expect(risk?.items.some((i) => i.label.startsWith('Stuck deal') && i.path === `/deals/${deal.body.id}`)).toBe(true);
    const repView = await w.as(rep).get(`/api/v1/ritual-occurrences/${created.nextOccurrence!.id}/agenda`);
    expect(repView.status).toBe(200);

    const oneOnOne = (
      await w.as(manager).post('/api/v1/rituals', {
        kind: 'one_on_one',
        teamId: team,
        attendeeIds: [rep.id],
        rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR',
        startsAt: '2026-12-04T11:00',
      })
    ).body;
    const coaching = await w.as(manager).get(`/api/v1/ritual-occurrences/${oneOnOne.nextOccurrence!.id}/agenda`);
    expect(coaching.status, JSON.stringify(coaching.body)).toBe(200);
    expect(coaching.body.sections[0]?.title).toBe('Coaching with Rita Rep');
    for (const kind of ['forecast_call', 'adherence_review', 'lead_agreement_review', 'practice_lab']) {
      const r = (await w.as(manager).post('/api/v1/rituals', { kind, teamId: team, rrule: 'FREQ=MONTHLY;BYDAY=1TU', startsAt: '2026-12-01T10:00' })).body;
      const a = await w.as(manager).get(`/api/v1/ritual-occurrences/${r.nextOccurrence!.id}/agenda`);
      expect(a.status, `${kind}: ${JSON.stringify(a.body)}`).toBe(200);
      expect(a.body.sections.length).toBeGreaterThan(0);
    }
  });

  it('proposes the default rhythm for a team and creates the chosen part all at once', async () => {
    const fresh = await w.team('North', { managerId: manager.id });
    const member = await w.user('rep', { teamId: fresh, name: 'Nora North' });
    const proposals = await w.as(manager).get(`/api/v1/ritual-proposals?teamId=${fresh}`);
    expect(proposals.status).toBe(200);
    const keys = proposals.body.items.map((p: { key: string }) => p.key);
    expect(keys).toEqual(['pipeline_review', 'forecast_call', 'practice_lab', 'adherence_review', 'lead_agreement_review', `one_on_one:${member.id}`]);
    expect((await w.as(otherManager).get(`/api/v1/ritual-proposals?teamId=${fresh}`)).status).toBe(400);
    const bad = await w.as(manager).post('/api/v1/ritual-proposals/accept', { teamId: fresh, keys: ['pipeline_review', 'nope'] });
    expect(bad.status).toBe(400);
    expect((await w.as(manager).get(`/api/v1/rituals?teamId=${fresh}`)).body.items).toEqual([]);
    const accepted = await w.as(manager).post('/api/v1/ritual-proposals/accept', { teamId: fresh, keys: ['pipeline_review', `one_on_one:${member.id}`] });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    expect(accepted.body.items.map((r: { kind: string }) => r.kind).sort()).toEqual(['one_on_one', 'pipeline_review']);
    const again = await w.as(manager).get(`/api/v1/ritual-proposals?teamId=${fresh}`);
    expect(again.body.items.map((p: { key: string }) => p.key)).toEqual(['forecast_call', 'practice_lab', 'adherence_review', 'lead_agreement_review']);
  });

  it('moves only the future to a new recurrence, keeps what was held, and answers 409 on a stale edit', async () => {
    const created = (await w.as(manager).post('/api/v1/rituals', review({ title: 'Moving review', startsAt: '2026-11-02T09:00' }))).body;
    const db = env().database.db;
    const before = await db
      .selectFrom('ritual_occurrences')
      .select(['scheduled_at'])
      .where('ritual_id', '=', created.id)
      .where('cancelled_at', 'is', null)
      .execute();
    // Created on 28 November: nothing was scheduled before the ritual existed.
    expect(Math.min(...before.map((r) => Number(r.scheduled_at)))).toBeGreaterThan(env().clock.now);
    const patched = await w.as(manager).patch(`/api/v1/rituals/${created.id}`, { version: 1, rrule: 'FREQ=WEEKLY;BYDAY=TU' });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.recurrenceText).toBe('every week on Tuesday');
    expect(new Date(patched.body.nextOccurrence?.scheduledAt as string).getUTCDay()).toBe(2);
    expect((await w.as(manager).patch(`/api/v1/rituals/${created.id}`, { version: 1, title: 'x' })).status).toBe(409);
    expect((await w.as(otherManager).patch(`/api/v1/rituals/${created.id}`, { version: 2, title: 'x' })).status).toBe(404);
    expect((await w.as(rep).patch(`/api/v1/rituals/${created.id}`, { version: 2, title: 'x' })).status).toBe(403);
    expect((await w.as(manager).delete(`/api/v1/rituals/${created.id}`)).status).toBe(200);
    expect((await w.as(manager).get(`/api/v1/rituals/${created.id}`)).status).toBe(404);
  });
});
