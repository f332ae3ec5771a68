import { type Static, Type } from 'typebox';
import { AmountMinor, CalendarDate, Id, Instant, ListQuery, NonEmpty, NullableId, NullableInstant, OptionalText, Version } from './common.js';

export const LeadStatus = Type.Union([
  Type.Literal('new'),
  Type.Literal('mql'),
  Type.Literal('accepted'),
  Type.Literal('rejected'),
  Type.Literal('sql'),
  Type.Literal('converted'),
  Type.Literal('recycled'),
]);
export type LeadStatus = Static<typeof LeadStatus>;

export const Behaviour = Type.Object(
  { event: Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9_.-]+$' }), at: Type.Optional(Instant) },
  { additionalProperties: false },
);
export type Behaviour = Static<typeof Behaviour>;

export const ScorePoint = Type.Object({
  ruleId: Type.String(),
  kind: Type.Union([Type.Literal('fit'), Type.Literal('behaviour')]),
  label: Type.String(),
  points: Type.Integer(),
  because: Type.String({ description: 'What in the lead matched the rule' }),
});
export type ScorePoint = Static<typeof ScorePoint>;

export const SlaState = Type.Union([Type.Literal('on_track'), Type.Literal('at_risk'), Type.Literal('breached'), Type.Literal('met'), Type.Literal('none')]);
export type SlaState = Static<typeof SlaState>;

export const SlaClock = Type.Object({
  state: SlaState,
  dueAt: NullableInstant,
  /** Business minutes left (negative once breached); null when met or not running. */
  minutesLeft: Type.Union([Type.Number(), Type.Null()]),
});

export const Lead = Type.Object({
  id: Id,
  email: Type.Union([Type.String(), Type.Null()]),
  domain: Type.Union([Type.String(), Type.Null()]),
  firstName: Type.Union([Type.String(), Type.Null()]),
  lastName: Type.Union([Type.String(), Type.Null()]),
  company: Type.Union([Type.String(), Type.Null()]),
  title: Type.Union([Type.String(), Type.Null()]),
  industry: Type.Union([Type.String(), Type.Null()]),
  companySize: Type.Union([Type.Integer(), Type.Null()]),
  country: Type.Union([Type.String(), Type.Null()]),
  segment: Type.Union([Type.String(), Type.Null()]),
  source: Type.String(),
  campaignId: NullableId,
  campaignName: Type.Union([Type.String(), Type.Null()]),
  status: LeadStatus,
  score: Type.Integer(),
  scoreExplanation: Type.Array(ScorePoint),
  behaviours: Type.Array(Type.Object({ event: Type.String(), at: Instant })),
  agreementId: NullableId,
  agreementNumber: Type.Union([Type.Integer(), Type.Null()]),
  ownerId: NullableId,
  ownerName: Type.Union([Type.String(), Type.Null()]),
  teamId: NullableId,
  rejectionReason: Type.Union([Type.String(), Type.Null()]),
  matchedContactId: NullableId,
  matchedAccountId: NullableId,
  sameCompanyLeadId: Type.Union([Id, Type.Null()], {
    description: 'Another lead of the same company domain (the first to arrive that you may see): flagged, never merged. Free-mail domains match nothing.',
  }),
  dealId: NullableId,
  receivedAt: Instant,
  mqlAt: NullableInstant,
  routedAt: NullableInstant,
  firstTouchAt: NullableInstant,
  touches: Type.Integer(),
  acceptedAt: NullableInstant,
  rejectedAt: NullableInstant,
  sqlAt: NullableInstant,
  convertedAt: NullableInstant,
  sla: Type.Object({ accept: SlaClock, firstTouch: SlaClock }),
  externalId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Instant,
  updatedAt: Instant,
  version: Type.Integer(),
});
export type Lead = Static<typeof Lead>;

const leadFields = {
  email: Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()]),
  firstName: OptionalText(100),
  lastName: OptionalText(100),
  company: OptionalText(200),
  title: OptionalText(120),
  industry: OptionalText(100),
  companySize: Type.Union([Type.Integer({ minimum: 0, maximum: 10_000_000 }), Type.Null()]),
  country: OptionalText(100),
  segment: OptionalText(60),
  domain: OptionalText(200),
};

export const LeadCreate = Type.Object(
  {
    email: Type.Optional(leadFields.email),
    firstName: Type.Optional(leadFields.firstName),
    lastName: Type.Optional(leadFields.lastName),
    company: Type.Optional(leadFields.company),
    domain: Type.Optional(leadFields.domain),
    title: Type.Optional(leadFields.title),
    industry: Type.Optional(leadFields.industry),
    companySize: Type.Optional(leadFields.companySize),
    country: Type.Optional(leadFields.country),
    segment: Type.Optional(leadFields.segment),
    source: Type.Optional(NonEmpty(100)),
    campaignId: Type.Optional(NullableId),
    behaviours: Type.Optional(Type.Array(Behaviour, { maxItems: 200 })),
    ownerId: Type.Optional(Id),
    externalId: Type.Optional(OptionalText(200)),
    receivedAt: Type.Optional(Instant),
  },
  { additionalProperties: false },
);
export type LeadCreate = Static<typeof LeadCreate>;

export const LeadIntakeResult = Type.Object({
  lead: Lead,
  merged: Type.Boolean({ description: 'True when the email matched an open lead: the behaviours joined it instead of a new lead' }),
});
export type LeadIntakeResult = Static<typeof LeadIntakeResult>;

export const LeadPatch = Type.Object(
  {
    version: Version,
    email: Type.Optional(leadFields.email),
    firstName: Type.Optional(leadFields.firstName),
    lastName: Type.Optional(leadFields.lastName),
    company: Type.Optional(leadFields.company),
    title: Type.Optional(leadFields.title),
    industry: Type.Optional(leadFields.industry),
    companySize: Type.Optional(leadFields.companySize),
    country: Type.Optional(leadFields.country),
    segment: Type.Optional(leadFields.segment),
    campaignId: Type.Optional(NullableId),
    ownerId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type LeadPatch = Static<typeof LeadPatch>;

export const LeadReject = Type.Object({ version: Version, reason: NonEmpty(120) }, { additionalProperties: false });
export type LeadReject = Static<typeof LeadReject>;

export const LeadAssign = Type.Object({ version: Version, ownerId: Id }, { additionalProperties: false });
export type LeadAssign = Static<typeof LeadAssign>;

export const LeadTouch = Type.Object(
  {
    type: Type.Union([Type.Literal('call'), Type.Literal('email'), Type.Literal('meeting')]),
    note: Type.Optional(OptionalText(500)),
    reached: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type LeadTouch = Static<typeof LeadTouch>;

export const LeadBehaviours = Type.Object({ behaviours: Type.Array(Behaviour, { minItems: 1, maxItems: 200 }) }, { additionalProperties: false });
export type LeadBehaviours = Static<typeof LeadBehaviours>;

export const LeadConvert = Type.Object(
  {
    version: Version,
    dealName: Type.Optional(NonEmpty(200)),
    amount: AmountMinor,
    closeDate: CalendarDate,
    pipelineId: Type.Optional(Id),
    accountId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type LeadConvert = Static<typeof LeadConvert>;

export const LeadConversion = Type.Object({ lead: Lead, accountId: Id, contactId: Id, dealId: Id });
export type LeadConversion = Static<typeof LeadConversion>;

export const LeadTransition = Type.Object({
  id: Id,
  fromStatus: Type.Union([LeadStatus, Type.Null()]),
  toStatus: LeadStatus,
  actorId: NullableId,
  actorName: Type.Union([Type.String(), Type.Null()]),
  ownerId: NullableId,
  reason: Type.Union([Type.String(), Type.Null()]),
  agreementId: NullableId,
  at: Instant,
});
export type LeadTransition = Static<typeof LeadTransition>;

export const LEAD_SORTS = ['receivedAt', 'score', 'updatedAt', 'routedAt'] as const;
export const LeadListQuery = ListQuery(LEAD_SORTS, {
  status: Type.Optional(LeadStatus),
  ownerId: Type.Optional(Id),
  campaignId: Type.Optional(Id),
  source: Type.Optional(Type.String({ maxLength: 100 })),
  queue: Type.Optional(
    Type.Union([Type.Literal('mine'), Type.Literal('open')], { description: 'mine: leads you own that need work; open: leads awaiting acceptance' }),
  ),
});
export type LeadListQuery = Static<typeof LeadListQuery>;
