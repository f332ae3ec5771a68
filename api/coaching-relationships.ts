// Coaching relationships: who coaches whom at what cadence. The team tree gives the defaults (a
// team's manager coaches its members; a manager is coached by the parent team's manager); explicit
// ones add an outside coach, a coach for the CSO, or another cadence for a default pair.
import { type Static, Type } from 'typebox';
import { Id, Instant, NullableInstant, OptionalText, UserRef, Version } from './common.js';

export const CadenceStatus = Type.Union([Type.Literal('kept'), Type.Literal('due_soon'), Type.Literal('overdue'), Type.Literal('never')]);
export type CadenceStatus = Static<typeof CadenceStatus>;

export const CoachingRelationship = Type.Object({
  id: Type.Union([Id, Type.Null()], { description: 'null for a default relationship from the team tree' }),
  source: Type.Union([Type.Literal('team'), Type.Literal('explicit')]),
  coach: UserRef,
  coachee: UserRef,
  coacheeRole: Type.String(),
  cadenceDays: Type.Integer(),
  lastHeldAt: NullableInstant,
  nextScheduledAt: NullableInstant,
  /** When a session is due to keep the cadence: last held + cadence (now when never held). */
  dueAt: Instant,
  status: CadenceStatus,
  version: Type.Union([Version, Type.Null()]),
});
export type CoachingRelationship = Static<typeof CoachingRelationship>;

export const RelationshipListQuery = Type.Object(
  {
    coachId: Type.Optional(Id),
    coacheeId: Type.Optional(Id),
    status: Type.Optional(CadenceStatus),
  },
  { additionalProperties: false },
);
export type RelationshipListQuery = Static<typeof RelationshipListQuery>;

export const RelationshipList = Type.Object({ items: Type.Array(CoachingRelationship) });
export type RelationshipList = Static<typeof RelationshipList>;

export const Cadence = Type.Integer({ minimum: 1, maximum: 180, description: 'Expected days between held sessions' });

export const RelationshipCreate = Type.Object(
  { coachId: Id, coacheeId: Id, cadenceDays: Cadence, note: Type.Optional(OptionalText(500)) },
  { additionalProperties: false },
);
export type RelationshipCreate = Static<typeof RelationshipCreate>;

export const RelationshipPatch = Type.Object(
  { version: Version, cadenceDays: Type.Optional(Cadence), note: Type.Optional(OptionalText(500)) },
  { additionalProperties: false },
);
export type RelationshipPatch = Static<typeof RelationshipPatch>;
