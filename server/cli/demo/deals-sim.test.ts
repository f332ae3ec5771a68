import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_STAGES, LOST_REASONS } from '../../process/default-pipeline.js';
import { stagePath } from '../../process/stage-path.js';
import type { ActivityRow } from './activities.js';
import { berlinDate, quarterEnd } from './calendar.js';
import { standInProcess } from './criteria.js';
import type { SimStage, SimulatedDeal, StageMoveRow } from './deals-sim.js';
import { bookFor, buildWorld, idsFor, type SimWorld, simulateOne, timelineFor } from './generate.js';
import { planDemoOrg, type RepSeat } from './org.js';
import type { SeedWorkspace } from './workspace.js';

const NOW = Date.UTC(2026, 10, 28, 9, 0);
const DEALS = 2_400;
const CHANGE_AT = timelineFor(NOW).processChangeAt;
const stages: SimStage[] = DEFAULT_STAGES.map((s, i) => ({
  id: `stage-${i + 1}`,
  name: s.name,
  position: i + 1,
  probability: s.probability,
  kind: s.kind,
  agingDays: s.agingDays,
}));
const byId = new Map(stages.map((s) => [s.id, s]));

function world(): { w: SimWorld; reps: RepSeat[] } {
  const ws: SeedWorkspace = { workspaceId: 'ws-test', adminId: 'admin', passwordHash: 'x', pipelineId: 'pipeline', stages };
  const t = timelineFor(NOW);
  const ids = idsFor(ws.workspaceId, NOW);
  const org = planDemoOrg(ids);
  return {
    w: buildWorld(ws, org, bookFor(ws, org, t, 300, ids), t, standInProcess('pv-2', { at: t.processChangeAt, processVersionId: 'pv-3' }), ids, 9),
    reps: org.reps,
  };
}

interface Run {
  deal: SimulatedDeal;
  activities: ActivityRow[];
  rep: RepSeat;
}

let runs: Run[];
let reps: RepSeat[];

beforeAll(() => {
  const made = world();
  reps = made.reps;
  runs = Array.from({ length: DEALS }, (_, i) => {
    const one = simulateOne(made.w, i);
    return { deal: one.sim, activities: one.activities, rep: one.seed.rep };
  });
});

/** The value of every field after replaying the deal's changes in order. */
function replay(d: SimulatedDeal): Map<string, string | null> {
  const values = new Map<string, string | null>();
  for (const c of d.changes) {
    expect(values.get(c.field) ?? null).toBe(c.from_value);
    values.set(c.field, c.to_value);
  }
  return values;
}

describe('simulated deals', () => {
  it('are the same for the same seed and now', () => {
    const a = world().w;
    const b = world().w;
    for (let i = 0; i < 50; i++) expect(simulateOne(a, i)).toEqual(simulateOne(b, i));
  });

  it('have a stage-move chain from Qualify to their current stage, with the path facts of each move', () => {
    for (const { deal: d } of runs) {
      let at = d.deal.created_at;
      let current = 'stage-1';
      for (const m of d.moves) {
        expect(m.from_stage_id).toBe(current);
        expect(m.at).toBeGreaterThan(at);
        expect(m.at).toBeLessThanOrEqual(NOW);
        const from = byId.get(m.from_stage_id as string) as SimStage;
        const to = byId.get(m.to_stage_id) as SimStage;
        const path = stagePath(stages, from, to);
        expect([m.direction, m.skipped]).toEqual([path.direction, path.skipped]);
        expect([m.from_position, m.to_position, m.from_probability, m.to_probability]).toEqual([from.position, to.position, from.probability, to.probability]);
        // Checked against the process in force: version 2 until the mid-year change, 3 from it.
        expect(m.process_version_id).toBe(m.at < CHANGE_AT ? 'pv-2' : 'pv-3');
        const missing = JSON.parse(m.missing) as { label: string; stageId: string }[];
        if (m.criteria_met === 1) {
          expect(missing).toEqual([]);
          expect(m.override_reason).toBeNull();
        } else {
          expect(missing.length).toBeGreaterThan(0);
          // Only stages that let overrides through can have let the move pass with something missing.
          expect(missing.every((x) => x.label && path.exitChecks.includes(x.stageId) && (byId.get(x.stageId) as SimStage).position !== 2)).toBe(true);
          expect(m.override_reason).toBeTruthy();
        }
        at = m.at;
        current = m.to_stage_id;
      }
      expect(d.deal.stage_id).toBe(current);
      expect(d.deal.stage_entered_at).toBe(d.moves.at(-1)?.at ?? d.deal.created_at);
    }
  });

  it('are closed consistently: status, closed_at, close date and reason follow the final stage', () => {
    for (const { deal: d } of runs) {
      const kind = (byId.get(d.deal.stage_id) as SimStage).kind;
      expect(d.deal.status).toBe(kind);
      if (kind === 'open') {
        expect(d.deal.closed_at).toBeNull();
        expect(d.deal.lost_reason).toBeNull();
        continue;
      }
      expect(d.deal.closed_at).toBe(d.deal.stage_entered_at);
      expect(d.deal.close_date).toBe(berlinDate(d.deal.closed_at as number));
      if (kind === 'lost') expect(LOST_REASONS).toContain(d.deal.lost_reason);
      else expect(d.deal.lost_reason).toBeNull();
    }
  });

  it('have a creation snapshot and a change history that replays to the deal row', () => {
    for (const { deal: d } of runs) {
      const created = d.changes.filter((c) => c.at === d.deal.created_at).map((c) => c.field);
      expect(created).toEqual(expect.arrayContaining(['name', 'amount', 'currency', 'close_date', 'owner_id', 'stage_id', 'status', 'source']));
      if (d.deal.account_id) expect(created).toContain('account_id');
      const values = replay(d);
      const custom = Object.fromEntries([...values].filter(([f]) => f.startsWith('custom.')).map(([f, v]) => [f.slice(7), v]));
      expect(JSON.parse(d.deal.custom)).toEqual(custom);
      for (const f of [
        'name',
        'amount',
        'currency',
        'close_date',
        'owner_id',
        'stage_id',
        'status',
        'lost_reason',
        'next_step',
        'account_id',
        'contact_id',
      ] as const) {
        const v = d.deal[f];
        expect(values.get(f) ?? null, f).toBe(v === null ? null : String(v));
      }
      const stageChanges = d.changes.filter((c) => c.field === 'stage_id' && c.from_value !== null);
      expect(stageChanges.map((c) => [c.at, c.from_value, c.to_value])).toEqual(d.moves.map((m) => [m.at, m.from_stage_id, m.to_stage_id]));
      const times = new Set(d.changes.filter((c) => c.at !== d.deal.created_at).map((c) => c.at));
      expect(d.deal.version).toBe(1 + times.size);
      expect(d.deal.updated_at).toBe(Math.max(d.deal.created_at, ...times));
      expect(d.changes.every((c) => c.at >= d.deal.created_at && c.at <= NOW)).toBe(true);
    }
  });

  it('use whole epoch milliseconds for every instant', () => {
    const instants = runs.flatMap(({ deal: d, activities }) => [
      d.deal.created_at,
      d.deal.updated_at,
      d.deal.stage_entered_at,
      d.deal.closed_at ?? 0,
      ...d.moves.map((m) => m.at),
      ...d.changes.map((c) => c.at),
      ...activities.flatMap((a) => [a.occurred_at, a.created_at, a.updated_at, a.completed_at ?? 0]),
    ]);
    expect(instants.filter((x) => !Number.isInteger(x))).toEqual([]);
  });

  it('record the owner at the time of each move', () => {
    for (const { deal: d } of runs) {
      for (const m of d.moves) {
        const owner = d.changes.filter((c) => c.field === 'owner_id' && c.at <= m.at).at(-1)?.to_value;
        expect(m.owner_id).toBe(owner);
      }
    }
  });

  it('win and lose in plausible proportions and populate every stage', () => {
    const status = { open: 0, won: 0, lost: 0 };
    for (const { deal: d } of runs) status[d.deal.status]++;
    const winRate = status.won / (status.won + status.lost);
    expect(winRate).toBeGreaterThan(0.15);
    expect(winRate).toBeLessThan(0.4);
    expect(status.open).toBeGreaterThan(150);
    for (const s of stages)
      expect(
        runs.some((r) => r.deal.deal.stage_id === s.id),
        s.name,
      ).toBe(true);
    expect(new Set(runs.filter((r) => r.deal.deal.status === 'lost').map((r) => r.deal.deal.lost_reason)).size).toBe(LOST_REASONS.length);
  });

  it('tell the reps apart: adherence, skips, cramming and next steps follow their profiles', () => {
    const stats = (archetype: string) => {
      const mine = runs.filter((r) => r.rep.profile.archetype === archetype);
      const moves = mine.flatMap((r) => r.deal.moves);
      const won = mine.filter((r) => r.deal.deal.status === 'won').map((r) => r.deal.deal);
      const crammed = won.filter((d) => daysToQuarterEnd(d.close_date) < 14);
      const open = mine.filter((r) => r.deal.deal.status === 'open');
      return {
        adherence: moves.filter((m) => m.criteria_met === 1 && m.skipped === 0).length / moves.length,
        skips: moves.filter((m) => m.skipped > 0).length / moves.length,
        cramming: crammed.reduce((s, d) => s + d.amount, 0) / won.reduce((s, d) => s + d.amount, 0),
        nextSteps: open.filter((r) => r.deal.story.nextStep).length / open.length,
      };
    };
    const farmer = stats('farmer');
    expect(farmer.adherence).toBeGreaterThan(0.9);
    expect(stats('overrider').adherence).toBeLessThan(0.75);
    expect(stats('skipper').skips).toBeGreaterThan(farmer.skips * 5);
    expect(stats('crammer').cramming).toBeGreaterThan(0.5);
    expect(farmer.cramming).toBeLessThan(0.3);
    expect(stats('stale pipeline').nextSteps).toBeLessThan(farmer.nextSteps - 0.3);
    expect(reps).toHaveLength(15);
  });
  it('change the process on 1 July: later moves out of Solution are checked against the new criterion, and some override it', () => {
    expect(new Date(CHANGE_AT).toISOString().slice(0, 10)).toBe('2026-07-01');
    const moves = runs.flatMap((r) => r.deal.moves);
    const before = moves.filter((m) => m.at < CHANGE_AT);
    const after = moves.filter((m) => m.at >= CHANGE_AT);
    expect(before.length).toBeGreaterThan(1_500);
    expect(after.length).toBeGreaterThan(1_500);
    const missesNew = (m: StageMoveRow) => m.missing.includes('criterion-3-new');
    expect(before.filter(missesNew)).toEqual([]);
    expect(after.filter(missesNew).length).toBeGreaterThan(30);
    const adherence = (list: StageMoveRow[]) => list.filter((m) => m.criteria_met === 1 && m.skipped === 0).length / list.length;
    expect(adherence(after)).toBeLessThan(adherence(before));
  });
});

function daysToQuarterEnd(date: string): number {
  return (Date.parse(quarterEnd(date)) - Date.parse(date)) / 86_400_000;
}

describe('simulated activities', () => {
  it('are done in the past and open in the future, between creation and close', () => {
    for (const { deal: d, activities } of runs) {
      for (const a of activities) {
        expect(a.deal_id).toBe(d.deal.id);
        if (a.occurred_at > NOW) expect(a.completed_at).toBeNull();
        else if (a.type !== 'task') expect(a.completed_at).not.toBeNull();
        expect(a.created_at).toBeLessThanOrEqual(NOW);
        if (a.completed_at !== null) expect(a.occurred_at).toBeGreaterThanOrEqual(d.deal.created_at);
        if (d.deal.closed_at !== null) expect(a.occurred_at).toBeLessThanOrEqual(d.deal.closed_at);
      }
    }
  });

  it('hold a discovery meeting before every move out of (or over) Discovery, which allows no override', () => {
    let checked = 0;
    for (const { deal: d, activities } of runs) {
      for (const m of d.moves.filter((x) => x.from_position !== null && x.from_position <= 2 && x.to_position > 2 && x.to_position <= 6)) {
        expect(activities.some((a) => a.type === 'meeting' && a.occurred_at < m.at && a.occurred_at > m.at - 45 * 86_400_000 && a.completed_at !== null)).toBe(
          true,
        );
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('keep required fields consistent with the gate: the budget holder is filled when Qualify was met, the contact missing when named', () => {
    for (const { deal: d } of runs) {
      for (const m of d.moves) {
        const missing = JSON.parse(m.missing) as { field?: string }[];
        if (missing.some((x) => x.field === 'contactId')) expect(d.deal.contact_id).toBeNull();
        const holderSet = d.changes.some((c) => c.field === 'custom.budget_holder' && c.at <= m.at);
        const leftQualify = m.from_position === 1 && m.direction === 1;
        if (leftQualify) expect(holderSet).toBe(!missing.some((x) => x.field === 'custom.budget_holder'));
      }
    }
  });

  it('schedule the next step of open deals that have one', () => {
    for (const { deal: d, activities } of runs.filter((r) => r.deal.story.nextStep)) {
      const future = activities.filter((a) => a.occurred_at > NOW && a.completed_at === null);
      expect(future).toHaveLength(1);
      expect(d.deal.next_step).toBe(future[0]?.subject);
    }
  });
});
