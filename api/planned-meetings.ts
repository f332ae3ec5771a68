// The meetings on a rep's (or a team's) calendar with the state of their plans: "this week".
import { type Static, Type } from 'typebox';
import { CallPlanStatus, MeetingType } from './call-plans.js';
import { Id, Instant } from './common.js';

export const PlannedMeeting = Type.Object({
  activityId: Id,
  subject: Type.String(),
  at: Instant,
  ownerId: Id,
  ownerName: Type.String(),
  dealId: Type.Union([Id, Type.Null()]),
  dealName: Type.Union([Type.String(), Type.Null()]),
  planId: Type.Union([Id, Type.Null()]),
  planStatus: Type.Union([CallPlanStatus, Type.Null()]),
  meetingType: Type.Union([MeetingType, Type.Null()]),
  qualityScore: Type.Union([Type.Integer(), Type.Null()]),
  debriefed: Type.Boolean(),
  reminders: Type.Array(Type.String(), { description: 'For example: practise a scenario the rep is not ready for before this meeting' }),
});
export type PlannedMeeting = Static<typeof PlannedMeeting>;

export const PlannedMeetingsQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Defaults to the start of today (UTC)' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Defaults to 7 days after from' })),
    ownerId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type PlannedMeetingsQuery = Static<typeof PlannedMeetingsQuery>;
export const PlannedMeetings = Type.Object({ items: Type.Array(PlannedMeeting) });
