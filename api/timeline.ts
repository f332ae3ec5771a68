// The record page's timeline: activities, field changes, stage moves and (deals) comments, newest first.
import { type Static, Type } from 'typebox';
import { Id, Instant, UserRef } from './common.js';
import { OverrideReviewSummary } from './override-reviews.js';

export const TimelineChange = Type.Object({
  kind: Type.Literal('change'),
  id: Id,
  at: Instant,
  actor: Type.Union([UserRef, Type.Null()]),
  field: Type.String({ description: "The record's API field name (stageId, closeDate, custom.<key>); 'deleted' when it was deleted" }),
  fieldLabel: Type.String({
    description: 'The field in words, as it was named at the time: "Close date", "Checklist: Value hypothesis agreed", "MEDDPICC: Economic buyer"',
  }),
  from: Type.Union([Type.String(), Type.Null()]),
  to: Type.Union([Type.String(), Type.Null()]),
  /** Human-readable values (stage names, owner names, "Done", "2 of 3") where the raw value is an id or a code. */
  fromLabel: Type.Union([Type.String(), Type.Null()]),
  toLabel: Type.Union([Type.String(), Type.Null()]),
  via: Type.String(),
});

export const TimelineStageMove = Type.Object({
  kind: Type.Literal('stage_move'),
  id: Id,
  at: Instant,
  actor: Type.Union([UserRef, Type.Null()]),
  fromStage: Type.Union([Type.String(), Type.Null()]),
  toStage: Type.String(),
  criteriaMet: Type.Boolean(),
  overrideReason: Type.Union([Type.String(), Type.Null()]),
  review: OverrideReviewSummary,
  skipped: Type.Integer(),
  direction: Type.Integer(),
  via: Type.String(),
  imported: Type.Boolean({ description: 'Another system made this move; an historical import brought it in, unchecked by the gate' }),
});

export const TimelineActivity = Type.Object({
  kind: Type.Literal('activity'),
  id: Id,
  at: Instant,
  actor: Type.Union([UserRef, Type.Null()]),
  type: Type.String(),
  subject: Type.String(),
  body: Type.Union([Type.String(), Type.Null()]),
  completed: Type.Boolean(),
});

/** A comment on the deal (a leader's word to the rep, the rep's reply); deals only. */
export const TimelineComment = Type.Object({
  kind: Type.Literal('comment'),
  id: Id,
  at: Instant,
  actor: Type.Union([UserRef, Type.Null()]),
  body: Type.String(),
});

export const TimelineItem = Type.Union([TimelineChange, TimelineStageMove, TimelineActivity, TimelineComment]);
export type TimelineItem = Static<typeof TimelineItem>;

export const Timeline = Type.Object({ items: Type.Array(TimelineItem), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type Timeline = Static<typeof Timeline>;

export const TimelineQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
  },
  { additionalProperties: false },
);
