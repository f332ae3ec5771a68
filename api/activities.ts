import { type Static, Type } from 'typebox';
import { Id, Instant, ListQuery, NonEmpty, NullableId, NullableInstant, OptionalText, Version } from './common.js';

export const ActivityType = Type.Union([Type.Literal('call'), Type.Literal('meeting'), Type.Literal('email'), Type.Literal('task'), Type.Literal('note')]);
export type ActivityType = Static<typeof ActivityType>;

export const Activity = Type.Object({
  id: Id,
  type: ActivityType,
  subject: Type.String(),
  body: Type.Union([Type.String(), Type.Null()]),
  dealId: NullableId,
  /** Null beside a dealId when the reader may not read that deal (reassigned away): "a deal you cannot see". */
  dealName: Type.Union([Type.String(), Type.Null()]),
  contactId: NullableId,
  contactName: Type.Union([Type.String(), Type.Null()]),
  accountId: NullableId,
  accountName: Type.Union([Type.String(), Type.Null()]),
  ownerId: Id,
  ownerName: Type.String(),
  occurredAt: Instant,
  durationMinutes: Type.Union([Type.Integer(), Type.Null()]),
  completedAt: NullableInstant,
  externalId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Instant,
  updatedAt: Instant,
  version: Type.Integer(),
});
export type Activity = Static<typeof Activity>;

const Duration = Type.Union([Type.Integer({ minimum: 0, maximum: 24 * 60 }), Type.Null()]);

export const ActivityCreate = Type.Object(
  {
    type: ActivityType,
    subject: NonEmpty(300),
    body: Type.Optional(OptionalText(20_000)),
    dealId: Type.Optional(NullableId),
    contactId: Type.Optional(NullableId),
    accountId: Type.Optional(NullableId),
    ownerId: Type.Optional(Id),
    occurredAt: Instant,
    durationMinutes: Type.Optional(Duration),
    completed: Type.Optional(Type.Boolean({ description: 'Defaults to true for past activities and notes, false for future ones' })),
    externalId: Type.Optional(OptionalText(200)),
  },
  { additionalProperties: false },
);
export type ActivityCreate = Static<typeof ActivityCreate>;

export const ActivityPatch = Type.Object(
  {
    version: Version,
    type: Type.Optional(ActivityType),
    subject: Type.Optional(NonEmpty(300)),
    body: Type.Optional(OptionalText(20_000)),
    dealId: Type.Optional(NullableId),
    contactId: Type.Optional(NullableId),
    accountId: Type.Optional(NullableId),
    ownerId: Type.Optional(Id),
    occurredAt: Type.Optional(Instant),
    durationMinutes: Type.Optional(Duration),
    completed: Type.Optional(Type.Boolean()),
    externalId: Type.Optional(OptionalText(200)),
  },
  { additionalProperties: false },
);
export type ActivityPatch = Static<typeof ActivityPatch>;

export const ACTIVITY_SORTS = ['occurredAt', 'createdAt', 'subject'] as const;
export const ActivityListQuery = ListQuery(ACTIVITY_SORTS, {
  type: Type.Optional(ActivityType),
  ownerId: Type.Optional(Id),
  dealId: Type.Optional(Id),
  contactId: Type.Optional(Id),
  accountId: Type.Optional(Id),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Only activities occurring at or after this instant' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Only activities occurring before this instant' })),
  completed: Type.Optional(Type.Boolean()),
});
export type ActivityListQuery = Static<typeof ActivityListQuery>;
