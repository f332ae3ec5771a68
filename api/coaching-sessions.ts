// Coaching sessions: scheduled and held dates, agenda, shared notes (the coachee reads them) and
// private notes (the coach's alone), skills worked on, deals discussed and action items.
import { type Static, Type } from 'typebox';
import { SkillKey } from './coaching-skills.js';
import { CalendarDate, Id, Instant, MAX_PAGE_SIZE, NullableInstant, OptionalText, UserRef, Version } from './common.js';

export const ActionItem = Type.Object({
  id: Id,
  sessionId: Id,
  owner: UserRef,
  text: Type.String(),
  dueDate: Type.Union([CalendarDate, Type.Null()]),
  completedAt: NullableInstant,
  overdue: Type.Boolean(),
  version: Version,
});
export type ActionItem = Static<typeof ActionItem>;

export const SessionDeal = Type.Object({
  id: Id,
  name: Type.String(),
  stageName: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  amount: Type.Integer(),
  currency: Type.String(),
  closeDate: CalendarDate,
});
export type SessionDeal = Static<typeof SessionDeal>;

export const CoachingSession = Type.Object({
  id: Id,
  coach: UserRef,
  coachee: UserRef,
  scheduledAt: Instant,
  heldAt: NullableInstant,
  agenda: Type.Union([Type.String(), Type.Null()]),
  sharedNotes: Type.Union([Type.String(), Type.Null()]),
  privateNotes: Type.Union([Type.String(), Type.Null()], { description: 'Only the session’s coach receives it; null for everyone else' }),
  skillKeys: Type.Array(Type.String()),
  deals: Type.Array(SessionDeal),
  actionItems: Type.Array(ActionItem),
  version: Version,
});
export type CoachingSession = Static<typeof CoachingSession>;

export const SessionListQuery = Type.Object(
  {
    coachId: Type.Optional(Id),
    coacheeId: Type.Optional(Id),
    state: Type.Optional(Type.Union([Type.Literal('upcoming'), Type.Literal('held'), Type.Literal('overdue')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type SessionListQuery = Static<typeof SessionListQuery>;

export const SessionList = Type.Object({ items: Type.Array(CoachingSession) });
export type SessionList = Static<typeof SessionList>;

export const ActionItemInput = Type.Object(
  {
    ownerId: Id,
    text: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }),
    dueDate: Type.Optional(Type.Union([CalendarDate, Type.Null()])),
  },
  { additionalProperties: false },
);
export type ActionItemInput = Static<typeof ActionItemInput>;

const Notes = OptionalText(20000);

export const SessionCreate = Type.Object(
  {
    coacheeId: Id,
    coachId: Type.Optional(Id),
    scheduledAt: Instant,
    heldAt: Type.Optional(Type.Union([Instant, Type.Null()])),
    agenda: Type.Optional(Notes),
    sharedNotes: Type.Optional(Notes),
    privateNotes: Type.Optional(Notes),
    skillKeys: Type.Optional(Type.Array(SkillKey, { maxItems: 20 })),
    dealIds: Type.Optional(Type.Array(Id, { maxItems: 30 })),
    actionItems: Type.Optional(Type.Array(ActionItemInput, { maxItems: 30 })),
  },
  { additionalProperties: false },
);
export type SessionCreate = Static<typeof SessionCreate>;

export const SessionPatch = Type.Object(
  {
    version: Version,
    scheduledAt: Type.Optional(Instant),
    heldAt: Type.Optional(Type.Union([Instant, Type.Null()])),
    agenda: Type.Optional(Notes),
    sharedNotes: Type.Optional(Notes),
    privateNotes: Type.Optional(Notes),
    skillKeys: Type.Optional(Type.Array(SkillKey, { maxItems: 20 })),
    dealIds: Type.Optional(Type.Array(Id, { maxItems: 30 })),
  },
  { additionalProperties: false },
);
export type SessionPatch = Static<typeof SessionPatch>;

export const ActionItemPatch = Type.Object(
  {
    version: Version,
    text: Type.Optional(Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' })),
    dueDate: Type.Optional(Type.Union([CalendarDate, Type.Null()])),
    completed: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ActionItemPatch = Static<typeof ActionItemPatch>;

export const ActionItemListQuery = Type.Object(
  {
    ownerId: Type.Optional(Id),
    coacheeId: Type.Optional(Id),
    open: Type.Optional(Type.Boolean({ description: 'true: not yet done; false: done' })),
    dueBy: Type.Optional(CalendarDate),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, description: 'A page of this many (by due date, undated last); without it, the first 500' }),
    ),
    cursor: Type.Optional(Type.String({ maxLength: 500, description: 'nextCursor of the previous page' })),
  },
  { additionalProperties: false },
);
export type ActionItemListQuery = Static<typeof ActionItemListQuery>;

export const ActionItemList = Type.Object({
  items: Type.Array(Type.Intersect([ActionItem, Type.Object({ coachee: UserRef, coach: UserRef })])),
  nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as cursor to get the next page; null on the last page' }),
  total: Type.Integer({ description: 'Action items matching the filters, on every page' }),
});
export type ActionItemList = Static<typeof ActionItemList>;
