// Readiness per scenario and certification (granted by a manager, or by passing the threshold).
import { type Static, Type } from 'typebox';
import { Id, Instant, OptionalText, UserRef } from './common.js';

export const Certification = Type.Object({
  id: Id,
  user: UserRef,
  scenarioId: Id,
  scenarioName: Type.String(),
  method: Type.Union([Type.Literal('manager'), Type.Literal('threshold')]),
  grantedBy: Type.Union([UserRef, Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  grantedAt: Instant,
  expiresAt: Instant,
  active: Type.Boolean(),
});
export type Certification = Static<typeof Certification>;

export const CertificationCreate = Type.Object(
  {
    userId: Id,
    scenarioId: Id,
    note: Type.Optional(OptionalText(2000)),
    validityDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 1095, description: "Defaults to the scenario's validity" })),
  },
  { additionalProperties: false },
);
export type CertificationCreate = Static<typeof CertificationCreate>;
export const CertificationList = Type.Object({ items: Type.Array(Certification) });
export const CertificationQuery = Type.Object({ userId: Type.Optional(Id), scenarioId: Type.Optional(Id) }, { additionalProperties: false });
export type CertificationQuery = Static<typeof CertificationQuery>;

export const ReadinessRow = Type.Object({
  user: UserRef,
  scenarioId: Id,
  scenarioName: Type.String(),
  readiness: Type.Union([Type.Number(), Type.Null()], { description: '0–100, recency-weighted; null when never scored' }),
  attempts: Type.Integer(),
  threshold: Type.Integer(),
  status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready'), Type.Literal('not_practised')]),
  certifiedUntil: Type.Union([Instant, Type.Null()]),
});
export type ReadinessRow = Static<typeof ReadinessRow>;
export const ReadinessReport = Type.Object({ formula: Type.String(), items: Type.Array(ReadinessRow) });
export type ReadinessReport = Static<typeof ReadinessReport>;
export const ReadinessQuery = Type.Object({ userId: Type.Optional(Id), scenarioId: Type.Optional(Id) }, { additionalProperties: false });
export type ReadinessQuery = Static<typeof ReadinessQuery>;
