// An independent computation of the catalogue for tests: reads the raw rows and works every KPI
// out in plain TypeScript, replaying the field history deal by deal. It shares no code with the
// SQL so that agreement means something.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

const DAY = 86_400_000;

interface DealAt {
  id: string;
  ownerId: string;
  stageId: string;
  status: string;
  amount: number;
  currency: string;
  closeDate: string;
  createdAt: number;
  closedAt: number | null;
}

export interface RefRange {
  from: string;
  to: string;
  start: number;
  end: number;
}

export interface RefData {
  deals: { id: string; created_at: number; pipeline_id: string }[];
  changes: { id: string; entity_id: string; field: string; to_value: string | null; at: number }[];
  moves: {
    id: string;
    deal_id: string;
    at: number;
    owner_id: string;
    criteria_met: number;
    override_reason: string | null;
    skipped: number;
    from_probability: number | null;
    to_probability: number;
  }[];
  activities: { id: string; owner_id: string; occurred_at: number; created_at: number; deleted_at: number | null; type: string; deal_id: string | null }[];
  plans: { activity_id: string; ready_at: number | null; debriefed_at: number | null; commitment_secured: number | null; deleted_at: number | null }[];
  stages: { id: string; kind: string; position: number; probability: number; pipeline_id: string }[];
}

export async function loadRefData(db: Kysely<DB>, workspaceId: string): Promise<RefData> {
  const [deals, changes, moves, activities, stages, plans] = await Promise.all([
    db.selectFrom('deals').select(['id', 'created_at', 'pipeline_id']).where('workspace_id', '=', workspaceId).execute(),
    db
      .selectFrom('changes')
      .select(['id', 'entity_id', 'field', 'to_value', 'at'])
      .where('workspace_id', '=', workspaceId)
      .where('entity', '=', 'deal')
      .execute(),
    db
      .selectFrom('stage_moves')
      .select(['id', 'deal_id', 'at', 'owner_id', 'criteria_met', 'override_reason', 'skipped', 'from_probability', 'to_probability'])
      .where('workspace_id', '=', workspaceId)
      .execute(),
    db
      .selectFrom('activities')
      .select(['id', 'owner_id', 'occurred_at', 'created_at', 'deleted_at', 'type', 'deal_id'])
      .where('workspace_id', '=', workspaceId)
      .execute(),
    db.selectFrom('stages').select(['id', 'kind', 'position', 'probability', 'pipeline_id']).where('workspace_id', '=', workspaceId).execute(),
    db
      .selectFrom('call_plans')
      .select(['activity_id', 'ready_at', 'debriefed_at', 'commitment_secured', 'deleted_at'])
      .where('workspace_id', '=', workspaceId)
      .execute(),
  ]);
  const n = (v: unknown) => Number(v);
  return {
    deals: deals.map((d) => ({ ...d, created_at: n(d.created_at) })),
    changes: changes.map((c) => ({ ...c, at: n(c.at) })).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)),
    moves: moves.map((m) => ({ ...m, at: n(m.at) })),
    activities: activities.map((a) => ({
      ...a,
      occurred_at: n(a.occurred_at),
      created_at: n(a.created_at),
      deleted_at: a.deleted_at === null ? null : n(a.deleted_at),
    })),
    stages,
    plans: plans.map((p) => ({
      ...p,
      ready_at: p.ready_at === null ? null : n(p.ready_at),
      debriefed_at: p.debriefed_at === null ? null : n(p.debriefed_at),
      deleted_at: p.deleted_at === null ? null : n(p.deleted_at),
    })),
  };
}

/** Each deal as it was known at T, by replaying its changes in order. */
export function dealsAt(data: RefData, at: number): Map<string, DealAt> {
  const out = new Map<string, DealAt>();
  for (const d of data.deals) {
    if (d.created_at > at) continue;
    const v: Record<string, string | null> = {};
    let statusAt = 0;
    for (const c of data.changes) {
      if (c.entity_id !== d.id || c.at > at) continue;
      v[c.field] = c.to_value;
      if (c.field === 'status') statusAt = c.at;
    }
    if (v.deleted === '1' || v.status === undefined) continue;
    const status = v.status as string;
    out.set(d.id, {
      id: d.id,
      ownerId: v.owner_id as string,
      stageId: v.stage_id as string,
      status,
      amount: Number(v.amount),
      currency: v.currency as string,
      closeDate: v.close_date as string,
      createdAt: d.created_at,
      closedAt: status === 'won' || status === 'lost' ? statusAt : null,
    });
  }
  return out;
}

const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const div = (a: number, b: number) => (b > 0 ? a / b : null);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export interface RefQuery {
  range: RefRange;
  at: number;
  owners: Set<string> | null;
  currency: string;
  /** Last 14 days of each fiscal quarter overlapping the range. */
  quarterTails: { from: string; to: string }[];
}

/** Every simple KPI of the catalogue, worked out the long way. */
export function referenceFigures(data: RefData, q: RefQuery): Record<string, number | null> {
  const { range, at } = q;
  const inScope = (owner: string) => q.owners === null || q.owners.has(owner);
  const inDates = (d: string) => d >= range.from && d <= range.to;
  const inInstants = (t: number) => t >= range.start && t < range.end;
  const stage = new Map(data.stages.map((s) => [s.id, s]));
  const deals = dealsAt(data, at);
  const mine = [...deals.values()].filter((d) => inScope(d.ownerId));
  const closed = mine.filter((d) => (d.status === 'won' || d.status === 'lost') && inDates(d.closeDate));
  const won = closed.filter((d) => d.status === 'won');
  const wonEur = won.filter((d) => d.currency === q.currency);
  const closedEur = closed.filter((d) => d.currency === q.currency);
  const cycles = won.map((d) => (d.closedAt as number) - d.createdAt);
  const open = mine.filter((d) => d.status === 'open' && inDates(d.closeDate) && d.currency === q.currency);
  const firstOpen = (pipelineId: string) => Math.min(...data.stages.filter((s) => s.pipeline_id === pipelineId && s.kind === 'open').map((s) => s.position));
  const qualified = mine.filter((d) => {
    const s = stage.get(d.stageId);
    return d.status === 'open' && s !== undefined && s.position > firstOpen(s.pipeline_id);
  });

  // Stage stays from the stage history known at T.
  const stays: { dealId: string; stageId: string; entered: number; left: number | null }[] = [];
  for (const d of data.deals) {
    const seq = data.changes.filter((c) => c.entity_id === d.id && c.field === 'stage_id' && c.at <= at);
    seq.forEach((c, i) => {
      stays.push({ dealId: d.id, stageId: c.to_value as string, entered: c.at, left: seq[i + 1]?.at ?? null });
    });
  }
  const visibleDeal = (id: string) => {
    const d = deals.get(id);
    return d !== undefined && inScope(d.ownerId);
  };
  const done = stays.filter((s) => s.left !== null && inInstants(s.left) && stage.get(s.stageId)?.kind === 'open' && visibleDeal(s.dealId));
  let entered = 0;
  let converted = 0;
  const byDeal = new Map<string, typeof stays>();
  for (const s of stays) byDeal.set(s.dealId, [...(byDeal.get(s.dealId) ?? []), s]);
  for (const [dealId, list] of byDeal) {
    if (!visibleDeal(dealId)) continue;
    const position = (stageId: string) => {
      const st = stage.get(stageId);
      return st && st.kind !== 'lost' ? st.position : Number.NEGATIVE_INFINITY;
    };
    const furthest = Math.max(...list.map((l) => position(l.stageId)));
    let before = Number.NEGATIVE_INFINITY;
    for (const s of list) {
      const st = stage.get(s.stageId);
      if (st && st.kind === 'open' && st.position > before && inInstants(s.entered)) {
        entered += 1;
        if (furthest > st.position) converted += 1;
      }
      before = Math.max(before, position(s.stageId));
    }
  }

  const moves = data.moves.filter((m) => inInstants(m.at) && m.at <= at && inScope(m.owner_id) && deals.has(m.deal_id));
  const adherent = (m: (typeof moves)[number]) => m.criteria_met === 1 && m.override_reason === null && m.skipped === 0;
  const gain = (m: (typeof moves)[number]) => m.to_probability - (m.from_probability ?? 0);
  const forward = moves.filter((m) => gain(m) > 0);
  const tail = (d: string) => q.quarterTails.some((t) => d >= t.from && d <= t.to);
  const activities = data.activities.filter(
    (a) => inInstants(a.occurred_at) && a.occurred_at <= at && a.created_at <= at && (a.deleted_at === null || a.deleted_at > at) && inScope(a.owner_id),
  );

  // Planning: meetings on a deal, held in the period; planned when the plan was ready before the start.
  const meetings = activities.filter((a) => a.type === 'meeting' && a.deal_id !== null);
  const planOf = (id: string) => data.plans.find((p) => p.activity_id === id && p.deleted_at === null);
  const plannedInTime = (a: (typeof meetings)[number]) => {
    const p = planOf(a.id);
    return p !== undefined && p.ready_at !== null && p.ready_at <= a.occurred_at && p.ready_at <= at;
  };
  const debriefed = meetings.filter((a) => plannedInTime(a) && (planOf(a.id)?.debriefed_at ?? Number.POSITIVE_INFINITY) <= at);
  const windowClosed = meetings.filter((a) => a.occurred_at + 7 * DAY <= at);
  const advancedAfter = (a: (typeof meetings)[number]) =>
    data.moves.some(
      (m) => m.deal_id === a.deal_id && m.at > a.occurred_at && m.at <= a.occurred_at + 7 * DAY && m.at <= at && m.to_probability > (m.from_probability ?? 0),
    );
  const plannedClosed = windowClosed.filter(plannedInTime);
  const unplannedClosed = windowClosed.filter((a) => !plannedInTime(a));

  const cycleMedian = median(cycles);
  return {
    win_rate: div(won.length, closed.length),
    win_rate_value: div(sum(wonEur.map((d) => d.amount)), sum(closedEur.map((d) => d.amount))),
    average_deal_size: div(sum(wonEur.map((d) => d.amount)), wonEur.length),
    sales_cycle_length: cycleMedian === null ? null : cycleMedian / DAY,
    sales_cycle_length_mean: cycles.length === 0 ? null : sum(cycles) / cycles.length / DAY,
    won_amount: sum(wonEur.map((d) => d.amount)),
    pipeline_created: sum(mine.filter((d) => inInstants(d.createdAt) && d.currency === q.currency).map((d) => d.amount)),
    open_pipeline: sum(open.map((d) => d.amount)),
    weighted_pipeline: sum(open.map((d) => (d.amount * (stage.get(d.stageId)?.probability ?? 0)) / 100)),
    open_qualified_deals: qualified.length,
    time_in_stage: (() => {
      const m = median(done.map((s) => (s.left as number) - s.entered));
      return m === null ? null : m / DAY;
    })(),
    stage_conversion: div(converted, entered),
    activity_volume: activities.length,
    cramming_index: div(sum(wonEur.filter((d) => tail(d.closeDate)).map((d) => d.amount)), sum(wonEur.map((d) => d.amount))),
    process_adherence: div(moves.filter(adherent).length, moves.length),
    process_adherence_weighted: div(sum(forward.filter(adherent).map(gain)), sum(forward.map(gain))),
    call_plan_coverage: div(meetings.filter(plannedInTime).length, meetings.length),
    plan_hit_rate: div(debriefed.filter((a) => planOf(a.id)?.commitment_secured === 1).length, debriefed.length),
    planned_meeting_advance_rate: div(plannedClosed.filter(advancedAfter).length, plannedClosed.length),
    unplanned_meeting_advance_rate: div(unplannedClosed.filter(advancedAfter).length, unplannedClosed.length),
  };
}
