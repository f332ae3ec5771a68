// Process adherence, using the adherence predicates of server/process/adherence.repo.ts (the
// Process page reads the same ones), so the catalogue and the Process page cannot disagree.
import { sql } from 'kysely';
import { ADHERENT, GAIN } from '../../process/adherence.repo.js';
import { NO_NUMBER } from './sql-blocks.js';
import type { FactScope, FactSql, Facts, SimpleKpi } from './types.js';

/**
 * Stage moves made in the period, by the deal's owner at the move (as the Process page counts them).
 * CROSS JOIN keeps SQLite on the moves of the period (by owner and time) with a deal lookup each,
 * rather than every deal with a moves lookup each; PostgreSQL plans it as any inner join. The
 * workspace bound lets both engines range over the workspace's moves of the period in the
 * (workspace, at) indexes rather than scan every workspace's moves.
 */
function moves(weighted: boolean) {
  return (s: FactScope, q: FactSql): Facts => ({
    needs: ['da'],
    select: sql`select m.id as record_id, m.deal_id, cast(null as text) as grp, m.owner_id as own, ${q.instantBucket('m.at')} as b,
        ${weighted ? sql`case when ${ADHERENT} then ${GAIN} else 0 end` : sql`case when ${ADHERENT} then 1 else 0 end`} as num,
        ${weighted ? GAIN : sql`1`} as den, ${NO_NUMBER} as v, m.at as at
      from stage_moves m
      cross join da
      where m.workspace_id = ${s.workspaceId} and da.id = m.deal_id and m.imported = 0 and ${q.inInstants('m.at')} and m.at <= ${s.at} and ${q.owner('m.owner_id')}
        ${weighted ? sql`and ${GAIN} > 0` : sql``}`,
  });
}

const notes = [
  'A move adheres when every exit criterion was met at the moment of the move, with no override and no skipped stage.',
  'Counted for the deal’s owner at the time of the move; moves of deleted deals do not count.',
  'Moves brought in by an historical import are another system’s history, never checked against the gate: they do not count.',
  'No move in the period: no data.',
];

export const processAdherence: SimpleKpi = {
  kind: 'simple',
  meta: {
    id: 'process_adherence',
    name: 'Process adherence',
    formula: 'stage moves that met every exit criterion, with no override and no skipped stage ÷ all stage moves, moves made in the period',
    unit: 'ratio',
    basis: 'move',
    measure: 'count',
    version: 2,
    better: 'higher',
    cumulative: false,
    audience: 'sales',
    breakdown: null,
    numeratorLabel: 'Adherent moves',
    denominatorLabel: 'All stage moves',
    notes,
  },
  aggregate: 'ratio',
  scale: 1,
  records: 'stage_move',
  facts: moves(false),
};

export const processAdherenceWeighted: SimpleKpi = {
  kind: 'simple',
  meta: {
    ...processAdherence.meta,
    id: 'process_adherence_weighted',
    name: 'Process adherence (weighted)',
    formula: 'Σ probability gained by adherent forward moves ÷ Σ probability gained by all forward moves, moves made in the period',
    numeratorLabel: 'Probability gained by adherent moves',
    denominatorLabel: 'Probability gained by forward moves',
    notes: [...notes, 'Only moves that gain probability weigh; backward moves and losses weigh nothing.'],
  },
  aggregate: 'ratio',
  scale: 1,
  records: 'stage_move',
  facts: moves(true),
};
