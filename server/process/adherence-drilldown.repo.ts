// The records behind every adherence number: the moves of a period (by kind) and the deals open,
// aging or without a next step at an instant. Same conditions as the sums in adherence.repo.ts.
import { type Kysely, type SqlBool, sql } from 'kysely';
import { decodeCursor, encodeCursor, pageOf, paginate } from '../db/keyset.js';
import type { DB } from '../db/schema.js';
import {
  ADHERENT,
  type AdherenceFilter,
  AGING_AT,
  asOfFrom,
  CHALLENGED,
  GAIN,
  NO_NEXT_STEP_AT,
  OPEN_AT,
  ownerRestriction,
  pipelineRestriction,
} from './adherence.repo.js';

export type MoveKind = 'all' | 'adherent' | 'nonAdherent' | 'forward' | 'adherentForward' | 'override' | 'challenged' | 'skipped' | 'backward';

const MOVE_KIND = {
  all: sql<SqlBool>`1 = 1`,
  adherent: sql<SqlBool>`${ADHERENT}`,
  nonAdherent: sql<SqlBool>`not ${ADHERENT}`,
  forward: sql<SqlBool>`${GAIN} > 0`,
  adherentForward: sql<SqlBool>`${GAIN} > 0 and ${ADHERENT}`,
  override: sql<SqlBool>`m.override_reason is not null`,
  challenged: sql<SqlBool>`${CHALLENGED}`,
  skipped: sql<SqlBool>`m.skipped > 0`,
  backward: sql<SqlBool>`m.direction = -1`,
} as const;

export interface MoveListRow {
  id: string;
  at: number;
  deal_id: string;
  deal_name: string;
  owner_id: string;
  owner_name: string;
  actor_id: string | null;
  actor_name: string | null;
  from_stage_name: string | null;
  to_stage_name: string;
  from_probability: number | null;
  to_probability: number;
  criteria_met: number;
  override_reason: string | null;
  skipped: number;
  direction: number;
  via: string;
  missing: string;
  version_number: number | null;
  review_verdict: 'accepted' | 'challenged' | null;
  review_comment: string | null;
  review_at: number | null;
  review_version: number | null;
  reviewer_id: string | null;
  reviewer_name: string | null;
  sort_key: string | number;
}

export async function listMoves(
  db: Kysely<DB>,
  f: AdherenceFilter,
  range: { start: number; end: number },
  kind: MoveKind,
  page: { cursor: string | undefined; limit: number },
): Promise<{ rows: MoveListRow[]; nextCursor: string | null }> {
  let q = db
    .selectFrom('stage_moves as m')
    .innerJoin('deals as d', 'd.id', 'm.deal_id')
    .innerJoin('users as o', 'o.id', 'm.owner_id')
    .leftJoin('users as a', 'a.id', 'm.actor_id')
    .leftJoin('stages as fs', 'fs.id', 'm.from_stage_id')
    .innerJoin('stages as ts', 'ts.id', 'm.to_stage_id')
    .leftJoin('process_versions as v', 'v.id', 'm.process_version_id')
    .leftJoin('override_reviews as r', (j) => j.onRef('r.stage_move_id', '=', 'm.id').onRef('r.workspace_id', '=', 'm.workspace_id'))
    .leftJoin('users as rv', 'rv.id', 'r.reviewer_id')
    .select([
      'm.id',
      'm.at',
      'm.deal_id',
      'd.name as deal_name',
      'm.owner_id',
      'o.name as owner_name',
      'm.actor_id',
      'a.name as actor_name',
      'fs.name as from_stage_name',
      'ts.name as to_stage_name',
      'm.from_probability',
      'm.to_probability',
      'm.criteria_met',
      'm.override_reason',
      'm.skipped',
      'm.direction',
      'm.via',
      'm.missing',
      'v.number as version_number',
      'r.verdict as review_verdict',
      'r.comment as review_comment',
      'r.reviewed_at as review_at',
      'r.version as review_version',
      'r.reviewer_id',
      'rv.name as reviewer_name',
    ])
    .where('m.workspace_id', '=', f.workspaceId)
    .where('d.deleted_at', 'is', null)
    // As in the sums (adherence.repo.ts#liveMovesOf): imported history is not a move to judge.
    .where('m.imported', '=', 0)
    .where('m.at', '>=', range.start)
    .where('m.at', '<', range.end)
    .where(sql<SqlBool>`${ownerRestriction('m.owner_id', f)}`)
    .where(MOVE_KIND[kind]);
  if (f.pipelineId !== null) q = q.where('d.pipeline_id', '=', f.pipelineId);
  if (f.processVersionId) q = q.where('m.process_version_id', '=', f.processVersionId);
  const rows = (await paginate(q, {
    order: 'moves',
    sortExpr: sql`m.at`,
    desc: true,
    idColumn: 'm.id',
    cursor: page.cursor,
    limit: page.limit,
  }).execute()) as MoveListRow[];
  return pageOf(rows, page.limit, 'moves');
}

export type DealKind = 'open' | 'aging' | 'noNextStep';

export interface DealListRow {
  deal_id: string;
  deal_name: string;
  owner_id: string;
  owner_name: string;
  stage_id: string;
  stage_name: string;
  entered_at: number;
  aging_days: number | null;
  amount: number;
  currency: string;
}

/** Deals open (aging, without next step) at `at`, longest in their stage first. */
export async function listDealsAt(
  db: Kysely<DB>,
  f: AdherenceFilter,
  at: number,
  kind: DealKind,
  page: { cursor: string | undefined; limit: number },
): Promise<{ rows: DealListRow[]; nextCursor: string | null }> {
  const condition = kind === 'aging' ? AGING_AT : kind === 'noNextStep' ? NO_NEXT_STEP_AT(f.workspaceId) : sql`1 = 1`;
  const after = page.cursor ? decodeCursor(page.cursor, `deals:${kind}`) : null;
  const keyset = after ? sql`and (iv.entered_at > ${after[0]} or (iv.entered_at = ${after[0]} and iv.deal_id > ${after[1]}))` : sql``;
  const result = await sql<DealListRow>`
    ${asOfFrom(f, [at], false)}
    select iv.deal_id, d.name as deal_name, d.owner_id, u.name as owner_name, s.id as stage_id, s.name as stage_name,
      iv.entered_at, s.aging_days, d.amount, d.currency
    from iv
    join w on ${OPEN_AT}
    join stages s on s.id = iv.stage_id and s.kind = 'open'
    join deals d on d.id = iv.deal_id and d.deleted_at is null
    join users u on u.id = d.owner_id
    where d.workspace_id = ${f.workspaceId}
      and ${ownerRestriction('d.owner_id', f)}
      ${pipelineRestriction(f)}
      and ${condition}
      ${keyset}
    order by iv.entered_at, iv.deal_id
    limit ${sql.lit(page.limit + 1)}
  `.execute(db);
  const rows = result.rows.map((r) => ({ ...r, entered_at: Number(r.entered_at), amount: Number(r.amount) }));
  if (rows.length <= page.limit) return { rows, nextCursor: null };
  const kept = rows.slice(0, page.limit);
  const last = kept[kept.length - 1] as DealListRow;
  return { rows: kept, nextCursor: encodeCursor(last.entered_at, last.deal_id, `deals:${kind}`) };
}
