import { type Static, Type } from 'typebox';
import { CalendarDate, Id, NullableId, Version } from './common.js';

export const RoutingRule = Type.Object(
  {
    segment: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    country: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    minSize: Type.Optional(Type.Integer({ minimum: 0 })),
    maxSize: Type.Optional(Type.Integer({ minimum: 0 })),
    teamId: Id,
    ownerId: Type.Optional(
      Type.Union([Id, Type.Null()], {
        description: "A rep of the rule's team who gets the matching leads directly while active and not away (else the team's round robin or claim)",
      }),
    ),
  },
  { additionalProperties: false },
);
export type RoutingRule = Static<typeof RoutingRule>;

const Minute = Type.Integer({ minimum: 0, maximum: 1440 });

export const SlaReassign = Type.Object(
  {
    enabled: Type.Boolean({ description: 'Off by default: a breach is escalated to the manager only' }),
    clauses: Type.Array(Type.Union([Type.Literal('accept'), Type.Literal('touch')]), {
      maxItems: 2,
      uniqueItems: true,
      description: 'Which breaches reassign: accept (or reject) and first touch',
    }),
    maxPerLead: Type.Integer({ minimum: 1, maximum: 10, description: 'Reassignments of one lead in all (both clauses), at most: no ping-pong' }),
  },
  {
    additionalProperties: false,
    description:
      "A lead whose SLA clause is breached goes to the next rep of its team's round robin (away, inactive reps and the current owner skipped); its clock starts again for the new owner",
  },
);
export type SlaReassign = Static<typeof SlaReassign>;

export const LeadSettings = Type.Object({
  routing: Type.Object({
    mode: Type.Union([Type.Literal('round_robin'), Type.Literal('claim')], {
      description: 'round_robin: the next active rep of the team gets the lead; claim: the team sees it and the first rep to claim it wins',
    }),
    defaultTeamId: NullableId,
    rules: Type.Array(RoutingRule, { maxItems: 100, description: 'First match picks the team (territory, segment, size)' }),
    awayUserIds: Type.Array(Id, { maxItems: 500, description: 'Reps skipped by round robin while away' }),
  }),
  businessHours: Type.Object({
    workingDays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, description: 'ISO weekdays, 1 = Monday' }),
    startMinute: Minute,
    endMinute: Minute,
    holidays: Type.Array(CalendarDate, { maxItems: 400 }),
  }),
  slaReassign: SlaReassign,
  timezone: Type.String({ description: "The workspace's time zone; clocks run in it" }),
  version: Type.Integer(),
});
export type LeadSettings = Static<typeof LeadSettings>;

export const LeadSettingsPut = Type.Object(
  {
    version: Version,
    routing: LeadSettings.properties.routing,
    businessHours: LeadSettings.properties.businessHours,
    slaReassign: Type.Optional(SlaReassign),
    timezone: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: "The workspace's IANA time zone (the same as Settings → Workspace); absent keeps it" }),
    ),
  },
  { additionalProperties: false },
);
export type LeadSettingsPut = Static<typeof LeadSettingsPut>;
