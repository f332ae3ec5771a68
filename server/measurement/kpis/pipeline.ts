// Pipeline: created in the period, open and closing in the period (by stage), and weighted by the
// stage's probability.
import { sql } from 'kysely';
import { KNOWN_START, NO_NUMBER } from './sql-blocks.js';
import type { FactScope, FactSql, Facts, SimpleKpi } from './types.js';

/** Deals open at the instant with their close date in the period; num = amount (× probability when weighted). */
export function openClosing(s: FactScope, q: FactSql, weighted: boolean): Facts {
  return {
    needs: ['da'],
    select: sql`select da.id as record_id, da.id as deal_id, da.stage_id as grp, da.owner_id as own, ${q.dateBucket('da.close_date')} as b,
        ${weighted ? sql`da.amount * st.probability` : sql`da.amount`} as num, 1 as den, ${NO_NUMBER} as v, cast(null as bigint) as at
      from da
      join stages st on st.id = da.stage_id
      where da.status = 'open' and ${q.inDates('da.close_date')} and ${q.owner('da.owner_id')} and da.currency = ${s.currency}`,
  };
}

const pipelineNotes = [
  'Open means open at the as-of instant (now unless asked otherwise); a past period therefore shows the deals that slipped and are still open.',
  'Only deals in the workspace currency count.',
];

export const openPipeline: SimpleKpi = {
  kind: 'simple',
  meta: {
    id: 'open_pipeline',
    name: 'Open pipeline',
    formula: 'Σ amount of open deals with their close date in the period',
    unit: 'money',
    basis: 'open_closing',
    measure: 'value',
    version: 1,
    better: 'higher',
    cumulative: false,
    audience: 'sales',
    breakdown: 'stage',
    numeratorLabel: 'Open deals closing in the period',
    denominatorLabel: null,
    notes: pipelineNotes,
  },
  aggregate: 'sum',
  scale: 1,
  records: 'deal',
  facts: (s, q) => openClosing(s, q, false),
};

export const weightedPipeline: SimpleKpi = {
  kind: 'simple',
  meta: {
    id: 'weighted_pipeline',
    name: 'Weighted pipeline',
    formula: 'Σ amount × stage probability of open deals with their close date in the period',
    unit: 'money',
    basis: 'open_closing',
    measure: 'value',
    version: 1,
    better: 'higher',
    cumulative: false,
    audience: 'sales',
    breakdown: 'stage',
    numeratorLabel: 'Open deals closing in the period, weighted',
    denominatorLabel: null,
    notes: [...pipelineNotes, 'The probability is the stage’s configured probability today.'],
  },
  aggregate: 'sum',
  scale: 0.01,
  records: 'deal',
  facts: (s, q) => openClosing(s, q, true),
};

function created(s: FactScope, q: FactSql): Facts {
  return {
    needs: ['da'],
    select: sql`select da.id as record_id, da.id as deal_id, cast(null as text) as grp, da.owner_id as own, ${q.instantBucket('da.created_at')} as b,
        da.amount as num, 1 as den, ${NO_NUMBER} as v, da.created_at as at
      from da
      where ${q.inInstants('da.created_at')} and ${q.owner('da.owner_id')} and da.currency = ${s.currency} and ${KNOWN_START(s)}`,
  };
}

export const pipelineCreated: SimpleKpi = {
  kind: 'simple',
  meta: {
    id: 'pipeline_created',
    name: 'Pipeline created',
    formula: 'Σ amount of deals created in the period, whatever became of them',
    unit: 'money',
    basis: 'created',
    measure: 'value',
    version: 2,
    better: 'higher',
    cumulative: true,
    audience: 'sales',
    breakdown: null,
    numeratorLabel: 'Deals created in the period',
    denominatorLabel: null,
    notes: [
      'The amount is the deal’s amount at the as-of instant, not at creation.',
      'Deleted deals do not count; deals in other currencies do not count.',
      'A deal imported without a start date ("created: unknown") counts in no period.',
      'An empty period is 0, not "no data".',
    ],
  },
  aggregate: 'sum',
  scale: 1,
  records: 'deal',
  facts: created,
};
