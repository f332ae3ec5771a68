// An independent computation of ritual adherence, in TypeScript over the raw rows, for tests: the
// occurrences due by the instant in the range, and which of them the completion in force then
// (the latest recorded by the instant) says were held no later than a day after their start.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

const DAY = 86_400_000;

export interface RitualRefData {
  rituals: { id: string; owner_id: string; created_at: number; deleted_at: number | null }[];
  occurrences: { id: string; ritual_id: string; scheduled_at: number; cancelled_at: number | null }[];
  completions: { id: string; occurrence_id: string; status: string; held_at: number | null; recorded_at: number }[];
}

export async function loadRitualRefData(db: Kysely<DB>, workspaceId: string): Promise<RitualRefData> {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const rituals = await db.selectFrom('rituals').select(['id', 'owner_id', 'created_at', 'deleted_at']).where('workspace_id', '=', workspaceId).execute();
  const occurrences = await db
    .selectFrom('ritual_occurrences')
    .select(['id', 'ritual_id', 'scheduled_at', 'cancelled_at'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  const completions = await db
    .selectFrom('ritual_completions')
    .select(['id', 'occurrence_id', 'status', 'held_at', 'recorded_at'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  return {
    rituals: rituals.map((r) => ({ ...r, created_at: Number(r.created_at), deleted_at: n(r.deleted_at) })),
    occurrences: occurrences.map((o) => ({ ...o, scheduled_at: Number(o.scheduled_at), cancelled_at: n(o.cancelled_at) })),
    completions: completions.map((c) => ({ ...c, held_at: n(c.held_at), recorded_at: Number(c.recorded_at) })),
  };
}

export function referenceRitualAdherence(
  data: RitualRefData,
  q: { start: number; end: number; at: number; owners: ReadonlySet<string> | null },
): { value: number | null; numerator: number; denominator: number } {
  const rituals = new Map(data.rituals.map((r) => [r.id, r]));
  let numerator = 0;
  let denominator = 0;
  for (const o of data.occurrences) {
    const r = rituals.get(o.ritual_id);
    if (!r || o.cancelled_at !== null) continue;
    // A deleted ritual keeps the occurrences that were due before its deletion.
    if (r.created_at > q.at || (r.deleted_at !== null && o.scheduled_at >= r.deleted_at)) continue;
    if (q.owners && !q.owners.has(r.owner_id)) continue;
    if (o.scheduled_at < q.start || o.scheduled_at >= q.end || o.scheduled_at > q.at) continue;
    denominator += 1;
    const known = data.completions.filter((c) => c.occurrence_id === o.id && c.recorded_at <= q.at);
    known.sort((a, b) => a.recorded_at - b.recorded_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const last = known.at(-1);
    if (last && last.status === 'held' && last.held_at !== null && last.held_at <= o.scheduled_at + DAY) numerator += 1;
  }
  return { value: denominator > 0 ? numerator / denominator : null, numerator, denominator };
}
