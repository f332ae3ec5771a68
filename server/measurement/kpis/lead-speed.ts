// Speed to lead beyond the median (lead-sla.ts#speedToLead): its 95th percentile (how slow the slow
// leads are) and the shares of leads touched within 5, 15 and 60 business minutes of routing (how
// often the team is fast enough, which is what the answer rate of an inbound lead depends on). The same first-touch rows as the median, with the business
// minutes stored on the touch (decision 0041). Counted for the lead's owner.
import { sql } from 'kysely';
import { firstTouchFacts, speedToLead } from './lead-sla.js';
import { NO_NUMBER } from './sql-blocks.js';
import type { SimpleKpi } from './types.js';

function speedWithin(minutes: 5 | 15 | 60): SimpleKpi {
  return {
    kind: 'simple',
    meta: {
      id: `speed_to_lead_${minutes}m`,
      name: `First touch within ${minutes} business minutes`,
      formula: `leads first touched within ${minutes} business minutes of routing ÷ leads first touched in the period`,
      unit: 'ratio',
      basis: 'first_touch',
      measure: 'count',
      version: 1,
      better: 'higher',
      cumulative: false,
      audience: 'funnel',
      breakdown: null,
      numeratorLabel: `Touched within ${minutes} min`,
      denominatorLabel: 'First touches',
      notes: [
        'Business minutes of the workspace (working days, hours, holidays, time zone) as they were when the touch was logged; a lead routed at night and touched first thing in the morning took 0.',
        'The first touch after the lead’s latest routing; a lead never touched is not in the share (the first-touch SLA counts it).',
      ],
    },
    aggregate: 'ratio',
    scale: 1,
    records: 'lead',
    facts: firstTouchFacts(sql`case when t.business_minutes <= ${minutes} then 1 else 0 end`, sql`1`, NO_NUMBER),
  };
}

export const speedToLeadP95: SimpleKpi = {
  ...speedToLead,
  meta: {
    ...speedToLead.meta,
    id: 'speed_to_lead_p95',
    name: 'Speed to lead, 95th percentile',
    formula: '95th percentile (nearest rank) of business hours from routing to the first human touch, leads first touched in the period',
    notes: [...speedToLead.meta.notes, 'Nearest rank: of n first touches sorted by time, the ⌈0.95 n⌉-th; 95 % of the leads were touched at least this fast.'],
  },
  aggregate: 'p95',
};

export const speedToLead5m = speedWithin(5);
export const speedToLead15m = speedWithin(15);
export const speedToLead60m = speedWithin(60);
