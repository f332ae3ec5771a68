import { expect, it } from 'vitest';
import { describeEngines, type TestUser, type TestWorkspace } from '../../test/test-env.js';
import { parseActivityType } from './activity-import-rules.js';
import { refused } from './testing/import-answers.js';

const post = (w: TestWorkspace, user: TestUser, entity: string, csv: string, extra: Record<string, unknown> = {}) =>
  w.as(user).post(`/api/v1/imports/${entity}`, { csv, ...extra });

describeEngines('activity import', (env) => {
  it('reads a Pipedrive activities export with separate date and time, links deals by title, and never logs twice', async () => {
    const w = await env().workspace({ timezone: 'Europe/Berlin' });
    const rep = await w.user('rep', { name: 'Lea Berg' });
    await post(w, w.admin, 'accounts', 'Name\nUmbrella');
    await post(w, w.admin, 'contacts', 'First Name,Last Name,Email,Account\nAda,Lovelace,ada@umbrella.example,Umbrella');
    await post(w, w.admin, 'deals', `Name,Account,Close Date,Owner\nUmbrella renewal,Umbrella,2026-12-31,${rep.email}`);
    const csv = [
      'Activity - Subject,Activity - Type,Activity - Due date,Activity - Due time,Activity - Duration,Activity - Done,Activity - Deal,Activity - Contact person,Activity - Assigned to user,Activity - Note,Activity - Creation date',
      'Discovery call,Call,2026-03-02,14:30,00:45,Done,Umbrella renewal,Ada Lovelace,Lea Berg,Budget confirmed,2026-02-25 09:00:00',
      'Send proposal,Task,2026-12-15,,,Undone,Umbrella renewal,,Lea Berg,,',
      'Kick-off note,Note,2026-03-03,,,,,ada@umbrella.example,Lea Berg,,',
    ].join('\n');
    const res = await post(w, w.admin, 'activities', csv);
    expect(res.body).toMatchObject({ ok: true, created: 3, errors: [] });

    const db = env().database.db;
    const deal = await db.selectFrom('deals').select(['id', 'account_id']).where('workspace_id', '=', w.id).executeTakeFirstOrThrow();
    const rows = await db.selectFrom('activities').selectAll().where('workspace_id', '=', w.id).orderBy('occurred_at').execute();
    const [call, note, task] = rows;
    expect(call).toMatchObject({
      type: 'call',
      subject: 'Discovery call',
      body: 'Budget confirmed',
      deal_id: deal.id,
      account_id: deal.account_id,
      owner_id: rep.id,
      duration_minutes: 45,
      occurred_at: Date.UTC(2026, 2, 2, 13, 30),
      completed_at: Date.UTC(2026, 2, 2, 13, 30),
      created_at: Date.UTC(2026, 1, 25, 8),
    });
    expect(note).toMatchObject({ type: 'note', account_id: deal.account_id });
    expect(note?.contact_id).toBeTruthy();
    expect(task).toMatchObject({ type: 'task', completed_at: null, occurred_at: Date.UTC(2026, 11, 15, 11) });

    // Planned on the 25th, done on the 2nd: the completion is history of the 2nd.
    const history = await db
      .selectFrom('changes')
      .selectAll()
      .where('entity_id', '=', call?.id as string)
      .orderBy('at')
      .execute();
    expect(history.find((c) => c.field === 'subject')?.at).toBe(Date.UTC(2026, 1, 25, 8));
    expect(history.filter((c) => c.field === 'completed_at').map((c) => [c.from_value, c.at])).toEqual([[null, Date.UTC(2026, 2, 2, 13, 30)]]);

    expect((await post(w, w.admin, 'activities', csv)).body).toMatchObject({ ok: true, created: 0, unchanged: 3 });
    const count = await db
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', w.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
  });

  it('reads a Salesforce activity report and reports unknown types and links by line', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep', { name: 'Max Ford' });
    await post(w, w.admin, 'accounts', 'Name\nAcme Corp');
    const csv = [
      'Subject,Type,Date,Assigned,Status,Company / Account,Comments,Activity ID',
      'Intro call,Call,01/15/2026,Max Ford,Completed,Acme Corp,Went well,00T1',
      'Lunch,Meeting,01/20/2026,Max Ford,Completed,Acme Corp,,00T2',
      'Fax them,Fax,01/21/2026,Max Ford,Completed,Acme Corp,,00T3',
      'Follow up,Email,01/22/2026,Max Ford,Not Started,Initrode,,00T4',
    ].join('\n');
    const res = refused(await post(w, w.admin, 'activities', csv, { preset: 'salesforce' }));
    expect(res.errors.map((e) => [e.line, e.field])).toEqual([
      [4, 'type'],
      [5, 'account'],
    ]);
    expect(res.errors[0]?.message).toBe('"Fax" is not an activity type; use call, meeting, email, task or note');
    const good = csv.split('\n').slice(0, 3).join('\n');
    expect((await post(w, w.admin, 'activities', good, { preset: 'salesforce' })).body).toMatchObject({ ok: true, created: 2 });
    const intro = await env()
      .database.db.selectFrom('activities')
      .selectAll()
      .where('external_id', '=', '00T1')
      .where('workspace_id', '=', w.id)
      .executeTakeFirstOrThrow();
    expect(intro).toMatchObject({ owner_id: rep.id, occurred_at: Date.UTC(2026, 0, 15, 12), body: 'Went well' });
    expect(intro.completed_at).not.toBeNull();
    const changed = good.replace('Went well', 'Went very well');
    expect((await post(w, w.admin, 'activities', changed, { preset: 'salesforce' })).body).toMatchObject({ ok: true, updated: 1, unchanged: 1 });
  });
});

it('reads activity type words of other CRMs', () => {
  expect(parseActivityType('Phone Call')).toBe('call');
  expect(parseActivityType('Event')).toBe('meeting');
  expect(parseActivityType('E-mail')).toBe('email');
  expect(parseActivityType('To-do')).toBe('task');
  expect(parseActivityType('Fax')).toBeNull();
});
