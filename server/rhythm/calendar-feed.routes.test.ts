// The private calendar feed: shown once, hashed at rest, read without a session by its secret, with
// the person's rituals (RRULE, EXDATE for a skipped occurrence, an override for one held at another
// time), coaching sessions and planned meetings; revocable and regenerable; never logged.
import { beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { clientFor, describeEngines, type TestUser, type TestWorkspace } from '../test/test-env.js';

/** An independent reading of the feed: unfold lines, split VEVENTs, read their properties. */
function parseIcs(text: string): Record<string, string>[] {
  const lines = text.replace(/\r\n[ \t]/g, '').split(/\r\n/);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.filter(Boolean).at(-1)).toBe('END:VCALENDAR');
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current as Record<string, string>);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon);
      current[name] = current[name] ? `${current[name]},${line.slice(colon + 1)}` : line.slice(colon + 1);
    }
  }
  return events;
}

describeEngines('calendar feed', (env) => {
  let w: TestWorkspace;
  let manager: TestUser;
  let rep: TestUser;
  let team: string;

  beforeAll(async () => {
    w = await env().workspace({ timezone: 'Europe/Berlin' });
    manager = await w.user('manager', { name: 'Mia Manager' });
    team = await w.team('East', { managerId: manager.id });
    rep = await w.user('rep', { teamId: team, name: 'Rita Rep' });
  });

  it('serves the rep’s rituals, coaching and meetings to a calendar app that has only the address', async () => {
    const ritual = (
      await w.as(manager).post('/api/v1/rituals', { kind: 'pipeline_review', teamId: team, rrule: 'FREQ=WEEKLY;BYDAY=MO', startsAt: '2026-11-30T09:00' })
    ).body;
    const occ = (await w.as(manager).get(`/api/v1/ritual-occurrences?from=2026-11-29T00:00:00.000Z&to=2026-12-20T00:00:00.000Z&ritualId=${ritual.id}`)).body
      .items;
    // The first Monday is skipped; the second is held on Tuesday at 14:00 (once it has come).
    expect((await w.as(manager).put(`/api/v1/ritual-occurrences/${occ[0]!.id}/completion`, { version: 1, status: 'skipped' })).status).toBe(200);
    const clock = env().clock;
    const saved = clock.now;
    clock.now = Date.UTC(2026, 11, 9, 12);
    expect(
      (await w.as(manager).put(`/api/v1/ritual-occurrences/${occ[1]!.id}/completion`, { version: 1, status: 'held', heldAt: '2026-12-08T13:00:00.000Z' }))
        .status,
    ).toBe(200);
    clock.now = saved;
    await w.as(manager).post('/api/v1/coaching-sessions', { coacheeId: rep.id, scheduledAt: '2026-12-02T10:00:00.000Z', agenda: 'Discovery questions' });
    await w.as(rep).post('/api/v1/activities', { type: 'meeting', subject: 'Demo at Acme', occurredAt: '2026-12-03T14:00:00.000Z', durationMinutes: 45 });

    expect((await w.as(rep).get('/api/v1/calendar-feed')).body).toMatchObject({ active: false, prefix: null });
    const created = await w.as(rep).post('/api/v1/calendar-feed');
    expect(created.status).toBe(201);
    const url = new URL(created.body.url);
    const base = (created.body.url as string).split('/feeds/')[0] as string;
    expect(url.pathname).toMatch(/^\/feeds\/calendar\/fc_[\w-]{40,}\.ics$/);
    const secret = url.pathname.split('/').at(-1)?.replace('.ics', '') as string;
    // Hashed at rest: the table never holds the address.
    const stored = await env().database.db.selectFrom('calendar_feeds').selectAll().where('user_id', '=', rep.id).execute();
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect((await w.as(rep).get('/api/v1/calendar-feed')).body).toMatchObject({ active: true, prefix: secret.slice(0, 9) });

    const res = await env().anonymous().get(url.pathname);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const events = parseIcs(res.body as string);
    const series = events.find((e) => e.UID === `ritual-${ritual.id}@furrow` && e.RRULE);
    expect(series).toMatchObject({
      'DTSTART;TZID=Europe/Berlin': '20261130T090000',
      RRULE: 'FREQ=WEEKLY;BYDAY=MO',
      'EXDATE;TZID=Europe/Berlin': '20261130T090000',
    });
    expect(series?.['URL;VALUE=URI']).toBe(`${base}/rituals/${ritual.id}`);
    const moved = events.find((e) => e.UID === `ritual-${ritual.id}@furrow` && e['RECURRENCE-ID;TZID=Europe/Berlin']);
    expect(moved).toMatchObject({ 'RECURRENCE-ID;TZID=Europe/Berlin': '20261207T090000', 'DTSTART;TZID=Europe/Berlin': '20261208T140000' });
    expect(events.find((e) => e.SUMMARY === 'Coaching: Mia Manager with Rita Rep')?.DESCRIPTION).toContain('Discovery questions');
    expect(events.find((e) => e.SUMMARY === 'Demo at Acme')?.['DTSTART;TZID=Europe/Berlin']).toBe('20261203T150000');
    expect(events.every((e) => e['URL;VALUE=URI']?.startsWith(base))).toBe(true);

    // A new address retires the old one; revoking stops both; an unknown one answers alike.
    const again = await w.as(rep).post('/api/v1/calendar-feed');
    expect((await env().anonymous().get(url.pathname)).status).toBe(404);
    expect((await env().anonymous().get(new URL(again.body.url).pathname)).status).toBe(200);
    expect((await w.as(rep).delete('/api/v1/calendar-feed')).body.active).toBe(false);
    expect((await env().anonymous().get(new URL(again.body.url).pathname)).status).toBe(404);
    expect((await env().anonymous().get('/feeds/calendar/fc_not-a-real-token-at-all.ics')).status).toBe(404);
  });

  it('keeps the feed secret out of the request log', async () => {
    const lines: string[] = [];
    const app = await buildApp({
      database: env().database,
      config: { ...env().config, logLevel: 'info' },
      now: () => env().clock.now,
      logStream: { write: (l) => lines.push(l) },
    });
    await app.ready();
    try {
      const created = await clientFor(app, { authorization: `Bearer ${rep.token}` }).post('/api/v1/calendar-feed');
      const path = new URL(created.body.url).pathname;
      const secret = path.split('/').at(-1)?.replace('.ics', '') as string;
      expect((await clientFor(app, {}).get(path)).status).toBe(200);
      expect((await clientFor(app, {}).get(path.replace('fc_', 'fc_x'))).status).toBe(404);
      expect(JSON.stringify((await clientFor(app, {}).get(`${path}x`)).body)).not.toContain(secret.slice(3, 20));
      const log = lines.join('');
      expect(log).toContain('/feeds/calendar/[redacted]');
      expect(log).not.toContain(secret.slice(3, 20));
      const metrics = await clientFor(app, {}).get('/metrics');
      expect(String(metrics.body)).not.toContain(secret.slice(3, 20));
    } finally {
      await app.close();
    }
  });
});
