// An independent computation of pipeline hygiene for tests: the raw rows, replayed deal by deal in
// TypeScript at each instant. It shares no code with the KPI's SQL (pipeline-hygiene.ts).
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

const DAY = 86_400_000;

export interface HygieneRefData {
  deals: { id: string; deleted_at: number | null }[];
  /** Deal field changes, in time order (ties by id). */
  changes: { id: string; entity_id: string; field: string; to_value: string | null; at: number }[];
  activities: { deal_id: string | null; created_at: number; occurred_at: number; completed_at: number | null; deleted_at: number | null }[];
  stages: Map<string, { kind: string; aging_days: number | null }>;
}

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function loadHygieneRefData(db: Kysely<DB>, ws: string): Promise<HygieneRefData> {
  const deals = await db.selectFrom('deals').select(['id', 'deleted_at']).where('workspace_id', '=', ws).execute();
  const changes = await db
    .selectFrom('changes')
    .select(['id', 'entity_id', 'field', 'to_value', 'at'])
    .where('workspace_id', '=', ws)
    .where('entity', '=', 'deal')
    .execute();
  const activities = await db
    .selectFrom('activities')
    .select(['deal_id', 'created_at', 'occurred_at', 'completed_at', 'deleted_at'])
    .where('workspace_id', '=', ws)
    .execute();
  const stages = await db.selectFrom('stages').select(['id', 'kind', 'aging_days']).where('workspace_id', '=', ws).execute();
  return {
    deals: deals.map((d) => ({ id: d.id, deleted_at: n(d.deleted_at) })),
    changes: changes.map((c) => ({ ...c, at: Number(c.at) })).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)),
    activities: activities.map((a) => ({
      deal_id: a.deal_id,
      created_at: Number(a.created_at),
      occurred_at: Number(a.occurred_at),
      completed_at: n(a.completed_at),
      deleted_at: n(a.deleted_at),
    })),
    stages: new Map(stages.map((s) => [s.id, { kind: s.kind, aging_days: n(s.aging_days) }])),
  };
}

/** The calendar day of an instant in a zone, worked out with its own formatter. */
function dayIn(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Clean ÷ open deals at instant t, for the deals whose owner then is in `owners` (null: all). */
export function referenceHygiene(d: HygieneRefData, t: number, timeZone: string, owners: ReadonlySet<string> | null): { clean: number; open: number } {
  const today = dayIn(t, timeZone);
  let clean = 0;
  let open = 0;
  for (const deal of d.deals) {
    if (deal.deleted_at !== null && deal.deleted_at <= t) continue;
    let owner: string | null = null;
    let close: string | null = null;
    let stage: string | null = null;
    let entered = 0;
    for (const c of d.changes) {
      if (c.entity_id !== deal.id || c.at > t) continue;
      if (c.field === 'owner_id') owner = c.to_value;
      if (c.field === 'close_date') close = c.to_value;
      if (c.field === 'stage_id') {
        stage = c.to_value;
        entered = c.at;
      }
    }
    const st = stage === null ? undefined : d.stages.get(stage);
    if (st?.kind !== 'open') continue;
    if (owners !== null && (owner === null || !owners.has(owner))) continue;
    open += 1;
    const past = close === null || close < today;
    const aging = st.aging_days !== null && t - entered > st.aging_days * DAY;
    const next = d.activities.some(
      (a) => a.deal_id === deal.id && a.deleted_at === null && a.created_at <= t && a.occurred_at > t && (a.completed_at === null || a.completed_at > t),
    );
    if (!past && !aging && next) clean += 1;
  }
  return { clean, open };
}
