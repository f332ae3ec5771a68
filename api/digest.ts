// The weekly digest as a page: what needs the caller's attention this week, computed when asked,
// each item with the path in Furrow where it is acted on. The notification carries the same
// figures as counts only (lines); the items name records, read with the caller's reach.
import { type Static, Type } from 'typebox';
import { Currency, Id, Instant, Nullable } from './common.js';

const Path = Type.String({ description: 'Where in Furrow the item is acted on' });

export const DigestLead = Type.Object({
  id: Id,
  name: Type.String({ description: 'The person and company of the lead' }),
  ownerName: Nullable(Type.String()),
  clause: Type.Union([Type.Literal('accept'), Type.Literal('first_touch')], { description: 'The SLA clock that ran out (accept first when both did)' }),
  dueAt: Instant,
  path: Path,
});
export type DigestLead = Static<typeof DigestLead>;

export const DigestDeal = Type.Object({
  id: Id,
  name: Type.String(),
  stageName: Type.String(),
  targetName: Type.String({ description: 'The next stage, whose exit criteria the deal does not meet yet' }),
  missing: Type.Array(Type.String(), { description: 'The unmet criteria, by label' }),
  path: Path,
});
export type DigestDeal = Static<typeof DigestDeal>;

export const DigestExpectation = Type.Object({
  id: Id,
  kpiName: Type.String(),
  scopeName: Type.String(),
  status: Type.Union([Type.Literal('red'), Type.Literal('amber')]),
  periodLabel: Type.String(),
  path: Path,
});
export type DigestExpectation = Static<typeof DigestExpectation>;

export const DigestRitual = Type.Object({
  id: Id,
  title: Type.String(),
  teamName: Type.String(),
  scheduledAt: Instant,
  path: Path,
});
export type DigestRitual = Static<typeof DigestRitual>;

export const WeeklyDigestView = Type.Object({
  week: Type.String({ description: 'ISO week on the workspace clock, e.g. 2026-W49' }),
  currency: Currency,
  lines: Type.Array(Type.String(), { description: 'The digest in figures, as the Monday notification says it' }),
  planting: Nullable(
    Type.Object({
      neededToDate: Type.Number({ description: 'Minor units' }),
      plantedToDate: Type.Number({ description: 'Minor units' }),
      behindFixable: Type.Integer({ description: 'Months behind that can still be caught up' }),
      behindTooLate: Type.Integer({ description: 'Months behind too late for this year' }),
      catchUpPerMonth: Nullable(Type.Number({ description: 'Minor units' })),
    }),
  ),
  overdueActions: Type.Integer(),
  breachedLeads: Type.Array(DigestLead),
  gatedDeals: Type.Array(DigestDeal),
  offTrackExpectations: Type.Array(DigestExpectation),
  ritualsThisWeek: Type.Array(DigestRitual, { description: 'Occurrences in the coming 7 days of rituals the caller owns or attends' }),
});
export type WeeklyDigestView = Static<typeof WeeklyDigestView>;
