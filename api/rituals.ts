// Rituals: the recurring meetings of the operating rhythm (weekly pipeline review, 1:1 coaching,
// forecast call, practice lab, monthly adherence review, quarterly lead-agreement review), their
// occurrences with completion and live agenda, and each person's private calendar feed.
import { type Static, Type } from 'typebox';
import { Id, Instant, NonEmpty, NullableInstant, UserRef, Version } from './common.js';

export const RitualKind = Type.Union(
  [
    Type.Literal('pipeline_review'),
    Type.Literal('one_on_one'),
    Type.Literal('forecast_call'),
    Type.Literal('practice_lab'),
    Type.Literal('adherence_review'),
    Type.Literal('lead_agreement_review'),
  ],
  { description: 'What the ritual is for; decides the agenda prepared from live data' },
);
export type RitualKind = Static<typeof RitualKind>;

export const RRuleText = Type.String({
  minLength: 6,
  maxLength: 500,
  description: 'iCalendar RRULE without DTSTART, e.g. FREQ=WEEKLY;BYDAY=MO (at most daily)',
  examples: ['FREQ=WEEKLY;INTERVAL=1;BYDAY=MO', 'FREQ=MONTHLY;BYDAY=1TU', 'FREQ=MONTHLY;INTERVAL=3;BYDAY=1WE'],
});

/** Wall-clock start in the workspace time zone: the series keeps this local time across DST. */
export const LocalStart = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$',
  description: 'First occurrence, local wall clock in the workspace time zone (YYYY-MM-DDTHH:mm)',
  examples: ['2027-01-04T09:00'],
});

export const Ritual = Type.Object({
  id: Id,
  kind: RitualKind,
  title: Type.String(),
  team: Type.Object({ id: Id, name: Type.String() }),
  owner: UserRef,
  attendees: Type.Array(UserRef),
  rrule: Type.String(),
  recurrenceText: Type.String({ description: 'The recurrence in words (rrule toText)' }),
  startsAt: LocalStart,
  durationMinutes: Type.Integer(),
  timezone: Type.String(),
  nextOccurrence: Type.Union([Type.Object({ id: Id, scheduledAt: Instant }), Type.Null()]),
  canEdit: Type.Boolean({ description: 'Whether the caller may change this ritual' }),
  version: Version,
});
export type Ritual = Static<typeof Ritual>;

export const RitualListQuery = Type.Object(
  {
    teamId: Type.Optional(Id),
    kind: Type.Optional(RitualKind),
  },
  { additionalProperties: false },
);
export type RitualListQuery = Static<typeof RitualListQuery>;

export const RitualList = Type.Object({ items: Type.Array(Ritual) });

const fields = {
  title: NonEmpty(120),
  ownerId: Id,
  attendeeIds: Type.Array(Id, { maxItems: 60 }),
  rrule: RRuleText,
  startsAt: LocalStart,
  durationMinutes: Type.Integer({ minimum: 5, maximum: 480 }),
};

export const RitualCreate = Type.Object(
  {
    kind: RitualKind,
    teamId: Id,
    title: Type.Optional(fields.title),
    ownerId: Type.Optional(fields.ownerId),
    attendeeIds: Type.Optional(fields.attendeeIds),
    rrule: fields.rrule,
    startsAt: fields.startsAt,
    durationMinutes: Type.Optional(fields.durationMinutes),
  },
  { additionalProperties: false },
);
export type RitualCreate = Static<typeof RitualCreate>;

export const RitualPatch = Type.Object(
  {
    version: Version,
    title: Type.Optional(fields.title),
    ownerId: Type.Optional(fields.ownerId),
    attendeeIds: Type.Optional(fields.attendeeIds),
    rrule: Type.Optional(fields.rrule),
    startsAt: Type.Optional(fields.startsAt),
    durationMinutes: Type.Optional(fields.durationMinutes),
  },
  { additionalProperties: false },
);
export type RitualPatch = Static<typeof RitualPatch>;

export const RitualProposal = Type.Object({
  key: Type.String({ description: 'Names the proposal when accepting it (a 1:1 is proposed per person)' }),
  kind: RitualKind,
  title: Type.String(),
  rrule: Type.String(),
  recurrenceText: Type.String(),
  startsAt: LocalStart,
  durationMinutes: Type.Integer(),
  ownerId: Id,
  attendeeIds: Type.Array(Id),
});
export const RitualProposals = Type.Object({
  team: Type.Object({ id: Id, name: Type.String() }),
  items: Type.Array(RitualProposal, { description: 'The default rhythm for this team, less the kinds it already keeps' }),
});
export type RitualProposals = Static<typeof RitualProposals>;

export const ProposalQuery = Type.Object({ teamId: Id }, { additionalProperties: false });
export const ProposalAccept = Type.Object(
  { teamId: Id, keys: Type.Array(Type.String({ maxLength: 100 }), { minItems: 1, maxItems: 60, description: 'The keys of the proposals to create' }) },
  { additionalProperties: false },
);
export type ProposalAccept = Static<typeof ProposalAccept>;

export const OccurrenceStatus = Type.Union([Type.Literal('scheduled'), Type.Literal('held'), Type.Literal('skipped')]);
export type OccurrenceStatus = Static<typeof OccurrenceStatus>;

export const Occurrence = Type.Object({
  id: Id,
  ritualId: Id,
  kind: RitualKind,
  title: Type.String(),
  teamName: Type.String(),
  scheduledAt: Instant,
  endsAt: Instant,
  status: OccurrenceStatus,
  heldAt: NullableInstant,
  onTime: Type.Union([Type.Boolean(), Type.Null()], { description: 'Held within a day of the scheduled start; null until held' }),
  notes: Type.Union([Type.String(), Type.Null()]),
  completedBy: Type.Union([UserRef, Type.Null()]),
  completedAt: NullableInstant,
  canComplete: Type.Boolean(),
  version: Version,
});
export type Occurrence = Static<typeof Occurrence>;

export const OccurrenceListQuery = Type.Object(
  {
    from: Instant,
    to: Instant,
    ritualId: Type.Optional(Id),
    teamId: Type.Optional(Id),
  },
  { additionalProperties: false, description: 'A window of at most 400 days' },
);
export type OccurrenceListQuery = Static<typeof OccurrenceListQuery>;
export const OccurrenceList = Type.Object({ items: Type.Array(Occurrence) });

export const OccurrenceComplete = Type.Object(
  {
    version: Version,
    status: Type.Union([Type.Literal('held'), Type.Literal('skipped'), Type.Literal('scheduled')], { description: 'scheduled: undo a completion' }),
    heldAt: Type.Optional(Type.Union([Instant, Type.Null()])),
    notes: Type.Optional(Type.Union([Type.String({ maxLength: 20000 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type OccurrenceComplete = Static<typeof OccurrenceComplete>;

export const AgendaItem = Type.Object({
  label: Type.String(),
  detail: Type.Union([Type.String(), Type.Null()]),
  path: Type.Union([Type.String(), Type.Null()], { description: 'Where in Furrow it opens' }),
});
export const AgendaSection = Type.Object({
  key: Type.String(),
  title: Type.String(),
  figures: Type.Array(Type.Object({ label: Type.String(), value: Type.String() })),
  items: Type.Array(AgendaItem),
  note: Type.Union([Type.String(), Type.Null()], { description: 'Why a section is empty or not shown' }),
});
export const Agenda = Type.Object({
  occurrence: Occurrence,
  since: NullableInstant,
  sections: Type.Array(AgendaSection),
});
export type Agenda = Static<typeof Agenda>;

export const CalendarFeed = Type.Object({
  active: Type.Boolean(),
  prefix: Type.Union([Type.String(), Type.Null()], { description: 'The first characters of the token, to recognise it' }),
  createdAt: NullableInstant,
  lastUsedAt: NullableInstant,
});
export type CalendarFeed = Static<typeof CalendarFeed>;
export const CalendarFeedCreated = Type.Object({ feed: CalendarFeed, url: Type.String({ description: 'Shown once: subscribe to it in a calendar app' }) });
export type CalendarFeedCreated = Static<typeof CalendarFeedCreated>;
export const FeedParams = Type.Object({ token: Type.String({ minLength: 10, maxLength: 100, pattern: '^[A-Za-z0-9_-]+(\\.ics)?$' }) });
export const FeedRegenerate = Type.Object({}, { additionalProperties: false, description: 'Nothing to send: a new secret address is made' });
