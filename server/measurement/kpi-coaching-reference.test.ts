// The coaching KPIs against the independent reference (testing/coaching-reference.ts), on a random
// half year of coaching: default relationships from a three-team tree, explicit ones (an outside
// coach, another cadence for a default pair, one ended), a rep who joined mid-way and one disabled,
// sessions held irregularly, never held, logged late or deleted, action items closed before, after
// or never, reviewed objectives. Every scope, several periods and as-of instants, a monthly trend,
// and the drill-downs.
import type { Insertable } from 'kysely';
import { expect, it } from 'vitest';
import { boundsOf, parsePeriodKey, periodsWithin } from '../../lib/periods.js';
import type { CoachingActionItemsTable, CoachingObjectivesTable, CoachingSessionsTable } from '../db/schema/coaching.js';
import { newId } from '../ids.js';
import { describeEngines } from '../test/test-env.js';
import { loadCoachingRefData, referenceActionItems, referenceCadence, referenceObjectivesMet, referenceRelationships } from './testing/coaching-reference.js';

const DAY = 86_400_000;
const TZ = 'Europe/Berlin';

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describeEngines('coaching KPIs against the reference', (env) => {
  it('agree for every scope, period, as-of instant and month, and drill down to their records', async () => {
    const clock = env().clock;
    const saved = clock.now;
    const random = rng(20261206);
    const db = env().database.db;
    try {
      clock.now = Date.UTC(2025, 11, 1, 9);
      const w = await env().workspace({ timezone: TZ });
      const m0 = await w.user('manager', { name: 'Cleo CSO' });
      const sales = await w.team('Sales', { managerId: m0.id });
      const m1 = await w.user('manager', { name: 'Mia', teamId: sales });
      const m2 = await w.user('manager', { name: 'Max', teamId: sales });
      const east = await w.team('East', { parentId: sales, managerId: m1.id });
      const west = await w.team('West', { parentId: sales, managerId: m2.id });
      const r1 = await w.user('rep', { teamId: east, name: 'Rita' });
      const r2 = await w.user('rep', { teamId: east, name: 'Ravi' });
      const r5 = await w.user('rep', { teamId: east, name: 'Rolf' });
      const r3 = await w.user('rep', { teamId: west, name: 'Rosa' });
      const r4 = await w.user('rep', { teamId: west, name: 'Remy' });
      const k = await w.user('coach', { name: 'Kim Coach' });
      // Remy joined in March; Rolf left in May (disabled: his relationship drops out).
      await db
        .updateTable('users')
        .set({ created_at: Date.UTC(2026, 2, 10) })
        .where('id', '=', r4.id)
        .execute();
      await db
        .updateTable('users')
        .set({ disabled_at: Date.UTC(2026, 4, 5) })
        .where('id', '=', r5.id)
        .execute();
      const explicit = [
        { coach: k.id, coachee: r3.id, cadence: 14, created: Date.UTC(2026, 1, 1), ended: null },
        { coach: m1.id, coachee: r2.id, cadence: 14, created: Date.UTC(2026, 0, 10), ended: null },
        { coach: m2.id, coachee: r4.id, cadence: 30, created: Date.UTC(2026, 2, 12), ended: Date.UTC(2026, 3, 1) },
      ];
      for (const e of explicit)
        await db
          .insertInto('coaching_relationships')
          .values({
            id: newId(),
            workspace_id: w.id,
            coach_id: e.coach,
            coachee_id: e.coachee,
            cadence_days: e.cadence,
            note: null,
            created_by: w.admin.id,
            created_at: e.created,
            updated_at: e.ended ?? e.created,
            ended_at: e.ended,
            version: 1,
          })
          .execute();

      const relationships = referenceRelationships(await loadCoachingRefData(db, w.id));
      // m0→m1, m0→m2 (their team's members: weekly wins over every two weeks), m1→r1, m1→r2 (explicit),
      // m2→r3, m2→r4, k→r3; Rolf is disabled.
      expect(relationships).toHaveLength(7);
      // A pair that is no relationship: its sessions must never count.
      const pairs = [
        ...relationships.map((r) => ({ coach: r.coachId, coachee: r.coacheeId, cadence: r.cadenceDays })),
        { coach: m2.id, coachee: r1.id, cadence: 7 },
      ];
      pairs.push({ coach: m1.id, coachee: r5.id, cadence: 7 });

      const sessions: Insertable<CoachingSessionsTable>[] = [];
      const items: Insertable<CoachingActionItemsTable>[] = [];
      const end = Date.UTC(2026, 6, 12);
      for (const p of pairs) {
        // Each pair keeps its own rhythm, from disciplined to patchy, with a gap somewhere.
        const looseness = 0.6 + random() * 1.8;
        for (let t = Date.UTC(2026, 0, 2, 10) + random() * 5 * DAY; t < end; t += p.cadence * DAY * (0.5 + random() * looseness)) {
          const held = random() < 0.85;
          const id = newId();
          const created = random() < 0.15 ? t + 3 * DAY : t - 2 * DAY;
          sessions.push({
            id,
            workspace_id: w.id,
            coach_id: p.coach,
            coachee_id: p.coachee,
            scheduled_at: Math.round(t),
            held_at: held ? Math.round(t + random() * 3_600_000) : null,
            agenda: null,
            shared_notes: null,
            private_notes: null,
            skill_keys: '[]',
            created_by: p.coach,
            created_at: Math.round(created),
            updated_at: Math.round(created),
            deleted_at: random() < 0.06 ? Math.round(t + 10 * DAY) : null,
            version: 1,
          });
          const count = Math.floor(random() * 3);
          for (let i = 0; i < count; i++) {
            const x = random();
            const completed = x < 0.5 ? t + random() * 6 * DAY : x < 0.75 ? t + (8 + random() * 20) * DAY : null;
            items.push({
              id: newId(),
              workspace_id: w.id,
              session_id: id,
              owner_id: random() < 0.8 ? p.coachee : p.coach,
              text: `Item ${items.length}`,
              due_date: null,
              completed_at: completed === null ? null : Math.round(completed),
              created_at: Math.round(t + 1_800_000),
              updated_at: Math.round(t + 1_800_000),
              deleted_at: random() < 0.05 ? Math.round(t + 2 * DAY) : null,
              version: 1,
            });
          }
        }
      }
      const objectives: Insertable<CoachingObjectivesTable>[] = [];
      const coachees = [r1, r2, r3, r4, m1];
      for (let i = 0; i < 30; i++) {
        const who = coachees[Math.floor(random() * coachees.length)] ?? r1;
        const reviewed = Date.UTC(2026, 0, 15) + random() * 170 * DAY;
        const x = random();
        objectives.push({
          id: newId(),
          workspace_id: w.id,
          coachee_id: who.id,
          coach_id: m1.id,
          skill_key: random() < 0.5 ? 'discovery' : 'objection_handling',
          kpi_id: 'win_rate',
          baseline: 0.2,
          target: 0.3,
          start_date: '2026-01-01',
          review_date: '2026-01-14',
          reviewed_at: x < 0.9 ? Math.round(reviewed) : null,
          result: null,
          met: x < 0.45 ? 1 : x < 0.8 ? 0 : null,
          note: null,
          created_by: m1.id,
          created_at: Date.UTC(2026, 0, 1),
          updated_at: Date.UTC(2026, 0, 1),
          archived_at: random() < 0.2 ? Math.round(reviewed + 5 * DAY) : null,
          version: 1,
        });
      }
      await db.insertInto('coaching_sessions').values(sessions).execute();
      await db.insertInto('coaching_action_items').values(items).execute();
      await db.insertInto('coaching_objectives').values(objectives).execute();

      clock.now = Date.UTC(2026, 6, 15, 12);
      const data = await loadCoachingRefData(db, w.id);
      const admin = w.as(w.admin);
      const members = (teamIds: string[], managers: string[]) =>
        new Set([...data.users.filter((u) => u.team_id !== null && teamIds.includes(u.team_id)).map((u) => u.id), ...managers]);
      const scopes = [
        { q: 'scope=workspace', owners: null },
        { q: `scope=team&scopeId=${sales}`, owners: members([sales, east, west], [m0.id, m1.id, m2.id]) },
        { q: `scope=team&scopeId=${east}`, owners: members([east], [m1.id]) },
        { q: `scope=rep&scopeId=${m2.id}`, owners: new Set([m2.id]) },
        { q: `scope=rep&scopeId=${r1.id}`, owners: new Set([r1.id]) },
      ];
      let compared = 0;
      let nonTrivial = 0;
      for (const key of ['FY2026-Q1', 'FY2026-Q2', '2026-03', 'FY2026']) {
        const period = parsePeriodKey(key, 1);
        if (!period) throw new Error(key);
        const bounds = boundsOf(period, TZ);
        for (const asOf of [null, '2026-02-20', '2026-05-01T10:00:00.000Z']) {
          const at = asOf === null ? clock.now : asOf.length === 10 ? Date.parse(`${asOf}T23:59:59.999+01:00`) : Date.parse(asOf);
          for (const scope of scopes) {
            const label = `${key} ${scope.q} asOf ${asOf}`;
            const ask = async (id: string) => {
              const res = await admin.get(`/api/v1/kpis/${id}?period=${key}&${scope.q}${asOf ? `&asOf=${asOf}` : ''}`);
              expect(res.status, `${id} ${label}: ${JSON.stringify(res.body)}`).toBe(200);
              return res.body;
            };
            const q = { ...bounds, at, owners: scope.owners };
            const [cadence] = referenceCadence(data, { buckets: [bounds], at, owners: scope.owners });
            if (!cadence) throw new Error('one bucket');
            const checks = [
              { id: 'coaching_cadence_kept', expected: cadence.kept },
              { id: 'coaching_sessions_overdue', expected: { value: cadence.overdue, numerator: cadence.overdue, denominator: null } },
              { id: 'coaching_action_items_closed', expected: referenceActionItems(data, q) },
              { id: 'coaching_objectives_met', expected: referenceObjectivesMet(data, q) },
            ];
            for (const c of checks) {
              const body = await ask(c.id);
              expect(body.numerator ?? 0, `${c.id} numerator ${label}`).toBe(c.expected.numerator);
              expect(body.denominator, `${c.id} denominator ${label}`).toBe(
                c.expected.denominator === 0 ? (body.denominator === null ? null : 0) : c.expected.denominator,
              );
              if (c.expected.value === null) expect(body.value, `${c.id} ${label}`).toBeNull();
              else expect(body.value, `${c.id} ${label}`).toBeCloseTo(c.expected.value, 12);
              if (c.expected.value !== null && c.expected.value > 0 && c.expected.value < 1) nonTrivial += 1;
              compared += 1;
            }
          }
        }
      }
      expect(compared).toBe(4 * 3 * 5 * 4);
      // The data is not degenerate: plenty of figures strictly between nothing and everything.
      expect(nonTrivial).toBeGreaterThan(60);

      // A monthly trend: each month judged at its own end (July at now), the same as the reference.
      const year = parsePeriodKey('FY2026', 1);
      if (!year) throw new Error('FY2026');
      const months = periodsWithin(year, 'month', 1).map((p) => boundsOf(p, TZ));
      const expected = referenceCadence(data, { buckets: months, at: clock.now, owners: null });
      const trend = await admin.get('/api/v1/kpis/coaching_cadence_kept/trend?period=FY2026&by=month&scope=workspace');
      expect(trend.status, JSON.stringify(trend.body)).toBe(200);
      expect(trend.body.points.map((p: { numerator: number | null; denominator: number | null }) => [p.numerator ?? 0, p.denominator ?? 0])).toEqual(
        expected.map((e) => [e.kept.numerator, e.kept.denominator]),
      );
      const overdueTrend = await admin.get('/api/v1/kpis/coaching_sessions_overdue/trend?period=FY2026&by=month&scope=workspace');
      expect(overdueTrend.body.points.map((p: { value: number | null }) => p.value)).toEqual(expected.map((e) => e.overdue));
      // Months after now are not judged; months before have relationships.
      expect(expected[7]?.kept.denominator).toBe(0);
      expect(expected[2]?.kept.denominator).toBeGreaterThan(4);

      // Drill-down: the relationships behind the figure, each naming its coachee; the overdue ones.
      const q2 = await admin.get('/api/v1/kpis/coaching_cadence_kept?period=FY2026-Q2&scope=workspace');
      const drill = await admin.get('/api/v1/kpis/coaching_cadence_kept/records?period=FY2026-Q2&scope=workspace&part=denominator&limit=200');
      expect(drill.status, JSON.stringify(drill.body)).toBe(200);
      expect(drill.body.items).toHaveLength(q2.body.denominator!);
      expect(drill.body.items.every((r) => r.recordType === 'coaching_relationship' && r.detail?.startsWith('Coaching '))).toBe(true);
      const overdue = await admin.get('/api/v1/kpis/coaching_sessions_overdue/records?period=FY2026-Q2&scope=workspace&limit=200');
      expect(overdue.status, JSON.stringify(overdue.body)).toBe(200);
      expect(overdue.body.items).toHaveLength(q2.body.denominator! - q2.body.numerator!);
      const byRole = q2.body.breakdown as { key: string; denominator: number }[];
      expect(byRole.map((g) => g.key).sort()).toEqual(['manager', 'rep']);
      const closed = await admin.get('/api/v1/kpis/coaching_action_items_closed/records?period=FY2026&scope=workspace&part=numerator&limit=200');
      expect(closed.status, JSON.stringify(closed.body)).toBe(200);
      expect(closed.body.items.length).toBeGreaterThan(5);
      expect(closed.body.items.every((r) => r.recordType === 'coaching_action_item' && r.detail !== null && !r.detail.endsWith('(open)'))).toBe(true);
      const met = await admin.get('/api/v1/kpis/coaching_objectives_met?period=FY2026&scope=workspace');
      expect((met.body.breakdown as { label: string }[]).map((g) => g.label).sort()).toEqual(['Discovery', 'Objection handling']);
    } finally {
      clock.now = saved;
    }
  }, 240_000);
});
