// A team's closed and open deals (and calls) written through the API, for the focus suggestion tests:
// each rep's deals are created, the open ones moved to Discovery, and 20 days later the closed ones
// won or lost, so win rate, cycle and velocity have known values.
import { expect } from 'vitest';
import type { TestEnv, TestUser, TestWorkspace } from '../../test/test-env.js';

const DAY = 86_400_000;

export interface RepHistory {
  who: TestUser;
  won: number;
  closed: number;
  open: number;
  /** Calls logged in the hours before the deals close (none when absent). */
  activities?: number;
}

/** A deal PATCH as its owner, overriding the gate when it refuses (the test is not about the gate). */
export async function patchDeal(w: TestWorkspace, who: TestUser, id: string, body: Record<string, unknown>): Promise<void> {
  const version = (await w.as(who).get(`/api/v1/deals/${id}`)).body.version;
  let res = await w.as(who).patch(`/api/v1/deals/${id}`, { version, ...body });
  if (res.status === 422 || res.status === 409) res = await w.as(who).patch(`/api/v1/deals/${id}`, { version, ...body, overrideReason: 'Agreed' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** Writes each rep's history; the clock ends a day after the deals closed, 21 days on. */
export async function writeTeamHistory(env: TestEnv, w: TestWorkspace, reps: readonly RepHistory[]): Promise<void> {
  const pipeline = (await w.as(w.admin).get('/api/v1/pipelines')).body.items[0];
  const proc = (await w.as(w.admin).get(`/api/v1/pipelines/${pipeline!.id}/process`)).body;
  const discovery = (proc.stages ?? pipeline!.stages)!.find((s: { name: string }) => s.name === 'Discovery')!.id as string;
  const closing: { who: TestUser; id: string; won: boolean }[] = [];
  for (const r of reps) {
    for (let i = 0; i < r.closed; i++) {
      const d = await w.as(r.who).post('/api/v1/deals', { name: `${r.who.name} ${i}`, amount: 10000, closeDate: '2026-12-31' });
      expect(d.status).toBe(201);
      closing.push({ who: r.who, id: d.body.id, won: i < r.won });
    }
    for (let i = 0; i < r.open; i++) {
      const d = await w.as(r.who).post('/api/v1/deals', { name: `${r.who.name} open ${i}`, amount: 10000, closeDate: '2027-03-31' });
      await patchDeal(w, r.who, d.body.id, { stageId: discovery });
    }
    for (let i = 0; i < (r.activities ?? 0); i++) {
      const a = await w
        .as(r.who)
        .post('/api/v1/activities', { type: 'call', subject: `Call ${i}`, occurredAt: new Date(env.clock.now - (i + 1) * 3_600_000).toISOString() });
      expect(a.status, JSON.stringify(a.body)).toBe(201);
    }
  }
  env.clock.now += 20 * DAY;
  for (const c of closing) await patchDeal(w, c.who, c.id, c.won ? { status: 'won' } : { status: 'lost', lostReason: 'Price' });
  env.clock.now += DAY;
}
