// Call plans: a plan per meeting activity on a deal, its review by a manager and its debrief.
import { type Static, Type } from 'typebox';
import { CalendarDate, Id, Instant, NonEmpty, NullableInstant, OptionalText, UserRef, Version } from './common.js';

export const MeetingType = Type.Union([Type.Literal('discovery'), Type.Literal('demo'), Type.Literal('pricing'), Type.Literal('executive')]);
export type MeetingType = Static<typeof MeetingType>;
export const MEETING_TYPES = ['discovery', 'demo', 'pricing', 'executive'] as const;

export const CallPlanStatus = Type.Union([Type.Literal('draft'), Type.Literal('ready'), Type.Literal('reviewed')]);
export type CallPlanStatus = Static<typeof CallPlanStatus>;

export const AttendeeRole = Type.Union([
  Type.Literal('economic_buyer'),
  Type.Literal('champion'),
  Type.Literal('decision_maker'),
  Type.Literal('technical_buyer'),
  Type.Literal('influencer'),
  Type.Literal('user'),
  Type.Literal('blocker'),
  Type.Literal('other'),
]);
export type AttendeeRole = Static<typeof AttendeeRole>;

export const Attendee = Type.Object({ contactId: Id, role: AttendeeRole }, { additionalProperties: false });
export type Attendee = Static<typeof Attendee>;
export const AttendeeView = Type.Object({ contactId: Id, name: Type.String(), title: Type.Union([Type.String(), Type.Null()]), role: AttendeeRole });

export const Objection = Type.Object({ objection: NonEmpty(500), response: Type.String({ maxLength: 2000 }) }, { additionalProperties: false });
export type Objection = Static<typeof Objection>;

export const Gap = Type.Object(
  { frameworkKey: Type.String({ minLength: 1, maxLength: 40 }), elementKey: Type.String({ minLength: 1, maxLength: 40 }) },
  { additionalProperties: false },
);
export type Gap = Static<typeof Gap>;
export const GapView = Type.Object({
  frameworkKey: Type.String(),
  elementKey: Type.String(),
  label: Type.String(),
  score: Type.Union([Type.Integer(), Type.Null()], { description: 'The element score on the deal today (0–3), null when unscored' }),
});

export const QualityPart = Type.Object({
  key: Type.String(),
  label: Type.String(),
  points: Type.Integer(),
  max: Type.Integer(),
  reason: Type.String(),
});
export const PlanQuality = Type.Object({ score: Type.Integer({ minimum: 0, maximum: 100 }), parts: Type.Array(QualityPart) });
export type PlanQuality = Static<typeof PlanQuality>;

export const Debrief = Type.Object({
  objectiveMet: Type.Boolean(),
  commitmentSecured: Type.Boolean(),
  commitmentDate: Type.Union([CalendarDate, Type.Null()]),
  learned: Type.Union([Type.String(), Type.Null()]),
  debriefedBy: UserRef,
  debriefedAt: Instant,
});

export const CallPlan = Type.Object({
  id: Id,
  dealId: Id,
  dealName: Type.String(),
  activityId: Id,
  meetingSubject: Type.String(),
  meetingAt: Instant,
  ownerId: Id,
  ownerName: Type.String(),
  meetingType: MeetingType,
  objective: Type.String(),
  desiredCommitment: Type.Union([Type.String(), Type.Null()]),
  attendees: Type.Array(AttendeeView),
  questions: Type.Array(Type.String()),
  objections: Type.Array(Type.Object({ objection: Type.String(), response: Type.String() })),
  valueHypothesis: Type.Union([Type.String(), Type.Null()]),
  gaps: Type.Array(GapView),
  status: CallPlanStatus,
  quality: PlanQuality,
  readyAt: NullableInstant,
  reviewedBy: Type.Union([UserRef, Type.Null()]),
  reviewedAt: NullableInstant,
  reviewComment: Type.Union([Type.String(), Type.Null()]),
  debrief: Type.Union([Debrief, Type.Null()]),
  createdAt: Instant,
  updatedAt: Instant,
  version: Type.Integer(),
});
export type CallPlan = Static<typeof CallPlan>;

const Questions = Type.Array(NonEmpty(500), { maxItems: 30 });
const Objections = Type.Array(Objection, { maxItems: 20 });
const Attendees = Type.Array(Attendee, { maxItems: 30 });
const Gaps = Type.Array(Gap, { maxItems: 30 });

export const CallPlanCreate = Type.Object(
  {
    activityId: Id,
    meetingType: MeetingType,
    objective: Type.Optional(Type.String({ maxLength: 1000, description: 'Leave out to start from the template of the meeting type' })),
    desiredCommitment: Type.Optional(OptionalText(1000)),
    attendees: Type.Optional(Attendees),
    questions: Type.Optional(Questions),
    objections: Type.Optional(Objections),
    valueHypothesis: Type.Optional(OptionalText(4000)),
    gaps: Type.Optional(Type.Array(Gap, { maxItems: 30, description: "Leave out to target the deal's unscored and weak qualification elements" })),
  },
  { additionalProperties: false },
);
export type CallPlanCreate = Static<typeof CallPlanCreate>;

export const CallPlanPatch = Type.Object(
  {
    version: Version,
    meetingType: Type.Optional(MeetingType),
    objective: Type.Optional(Type.String({ maxLength: 1000 })),
    desiredCommitment: Type.Optional(OptionalText(1000)),
    attendees: Type.Optional(Attendees),
    questions: Type.Optional(Questions),
    objections: Type.Optional(Objections),
    valueHypothesis: Type.Optional(OptionalText(4000)),
    gaps: Type.Optional(Gaps),
    status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('ready')], { description: 'Mark ready for review, or back to draft' })),
  },
  { additionalProperties: false },
);
export type CallPlanPatch = Static<typeof CallPlanPatch>;

export const CallPlanReview = Type.Object({ version: Version, comment: Type.Optional(OptionalText(4000)) }, { additionalProperties: false });
export type CallPlanReview = Static<typeof CallPlanReview>;

export const DebriefScore = Type.Object(
  {
    frameworkId: Id,
    version: Type.Optional(Type.Integer({ minimum: 1, description: "The deal's qualification version you read on this framework" })),
    scores: Type.Array(
      Type.Object(
        {
          elementKey: Type.String({ minLength: 1, maxLength: 40 }),
          score: Type.Union([Type.Integer({ minimum: 0, maximum: 3 }), Type.Null()]),
          evidence: Type.Optional(OptionalText(2000)),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);

export const CallPlanDebriefPut = Type.Object(
  {
    version: Version,
    objectiveMet: Type.Boolean(),
    commitmentSecured: Type.Boolean(),
    commitmentDate: Type.Optional(Type.Union([CalendarDate, Type.Null()])),
    learned: Type.Optional(OptionalText(8000)),
    qualification: Type.Optional(
      Type.Array(DebriefScore, { maxItems: 5, description: 'Qualification updates learned in the meeting, written to the deal in the same step' }),
    ),
  },
  { additionalProperties: false },
);
export type CallPlanDebriefPut = Static<typeof CallPlanDebriefPut>;

export const CallPlanListQuery = Type.Object(
  {
    dealId: Type.Optional(Id),
    activityId: Type.Optional(Id),
    ownerId: Type.Optional(Id),
    status: Type.Optional(CallPlanStatus),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type CallPlanListQuery = Static<typeof CallPlanListQuery>;

export const CallPlanList = Type.Object({ items: Type.Array(CallPlan), nextCursor: Type.Union([Type.String(), Type.Null()]) });

export const CallPlanTemplate = Type.Object({
  meetingType: MeetingType,
  objective: Type.String(),
  questions: Type.Array(Type.String()),
  objections: Type.Array(Type.Object({ objection: Type.String(), response: Type.String() })),
  builtIn: Type.Boolean({ description: 'true while no admin has edited it' }),
  version: Type.Integer({ description: '0 for the built-in text; send it back on the first edit' }),
});
export type CallPlanTemplate = Static<typeof CallPlanTemplate>;

export const CallPlanTemplatePut = Type.Object(
  { version: Type.Integer({ minimum: 0 }), objective: Type.String({ maxLength: 1000 }), questions: Questions, objections: Objections },
  { additionalProperties: false },
);
export type CallPlanTemplatePut = Static<typeof CallPlanTemplatePut>;
export const MeetingTypeParams = Type.Object({ meetingType: MeetingType });
