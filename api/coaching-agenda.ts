// The agenda of a coaching session prepared from live data: the coachee's focus metric and its
// trend, deals at risk, overdue action items, the last session's notes and the deal reviews since.
import { type Static, Type } from 'typebox';
import { ActionItem } from './coaching-sessions.js';
import { CalendarDate, Currency, Id, Instant, NullableInstant, UserRef } from './common.js';

export const AgendaQuery = Type.Object({ coacheeId: Id }, { additionalProperties: false });
export type AgendaQuery = Static<typeof AgendaQuery>;

export const RiskReason = Type.Union([Type.Literal('past_stage_limit'), Type.Literal('past_close_date'), Type.Literal('no_next_step')]);
export type RiskReason = Static<typeof RiskReason>;

export const AgendaDeal = Type.Object({
  id: Id,
  name: Type.String(),
  stageName: Type.String(),
  amount: Type.Integer(),
  currency: Currency,
  closeDate: CalendarDate,
  daysInStage: Type.Integer(),
  stageLimitDays: Type.Union([Type.Integer(), Type.Null()], { description: 'The stage’s time limit (aging days); null when it has none' }),
  reasons: Type.Array(RiskReason, { description: 'Why the deal is at risk: past the stage’s time limit, past its close date, no open activity scheduled' }),
});
export type AgendaDeal = Static<typeof AgendaDeal>;

export const AgendaTrendPoint = Type.Object({ label: Type.String(), from: CalendarDate, to: CalendarDate, value: Type.Union([Type.Number(), Type.Null()]) });

export const AgendaFocus = Type.Object({
  kpiId: Type.String(),
  name: Type.String(),
  unit: Type.String(),
  better: Type.Union([Type.Literal('higher'), Type.Literal('lower')]),
  source: Type.Union([Type.Literal('objective'), Type.Literal('suggestion'), Type.Literal('default')], {
    description: 'objective: the coachee’s open objective; suggestion: the top focus suggestion; default: win rate',
  }),
  skillKey: Type.Union([Type.String(), Type.Null()]),
  trend: Type.Array(AgendaTrendPoint, { description: 'Month by month, the last six months, the current one so far' }),
  direction: Type.Union([Type.Literal('improving'), Type.Literal('worsening'), Type.Literal('flat'), Type.Null()], {
    description: 'The latest month with data against the one before it with data, judged by which way is better; null with fewer than two',
  }),
});
export type AgendaFocus = Static<typeof AgendaFocus>;

export const AgendaLastSession = Type.Object({
  id: Id,
  coach: UserRef,
  heldAt: Instant,
  sharedNotes: Type.Union([Type.String(), Type.Null()]),
  privateNotes: Type.Union([Type.String(), Type.Null()], { description: 'Only when the caller is that session’s coach' }),
  skillKeys: Type.Array(Type.String()),
});

export const AgendaReview = Type.Object({
  id: Id,
  dealId: Id,
  dealName: Type.String(),
  reviewer: UserRef,
  findings: Type.String(),
  coachingNotes: Type.Union([Type.String(), Type.Null()]),
  createdAt: Instant,
});

export const Agenda = Type.Object({
  coachee: UserRef,
  at: Instant,
  focus: AgendaFocus,
  dealsAtRisk: Type.Array(AgendaDeal, {
    description: 'Open deals of the coachee the caller may read (an outside coach: only deals a session of theirs links), most reasons first',
  }),
  overdueActionItems: Type.Array(ActionItem),
  lastSession: Type.Union([AgendaLastSession, Type.Null()]),
  lastHeldAt: NullableInstant,
  dealReviews: Type.Array(AgendaReview, { description: 'Reviews of the coachee’s deals since the last held session' }),
  text: Type.String({ description: 'The agenda as text, to pre-fill a new session’s agenda' }),
});
export type Agenda = Static<typeof Agenda>;
