// A deal's stage gate: what is needed to move on (exit criteria met and missing, the checklist).
import { type Static, Type } from 'typebox';
import { Id, Instant, Nullable, NullableId, NullableInstant, UserRef } from './common.js';
import { MissingCriterion } from './deals.js';
import { CriterionActivityType, CriterionKind } from './pipelines.js';

export const GateItem = Type.Object({
  criterionId: Type.String(),
  stageId: Id,
  stageName: Type.String(),
  kind: CriterionKind,
  label: Type.String(),
  met: Type.Boolean(),
  field: Type.Optional(Type.String({ description: 'The deal field to fill, for a required field' })),
  activityType: Type.Optional(CriterionActivityType),
  frameworkId: Type.Optional(Id),
  hint: Type.Optional(Type.String()),
  tickedBy: Type.Optional(Nullable(UserRef)),
  tickedAt: Type.Optional(NullableInstant),
});
export type GateItem = Static<typeof GateItem>;

export const DealGate = Type.Object({
  dealId: Id,
  dealVersion: Type.Integer(),
  stage: Type.Object({
    id: Id,
    name: Type.String(),
    kind: Type.Union([Type.Literal('open'), Type.Literal('won'), Type.Literal('lost')]),
    guidance: Nullable(Type.String()),
    agingDays: Nullable(Type.Integer()),
    enteredAt: Instant,
    daysInStage: Type.Integer(),
    overAging: Type.Boolean(),
  }),
  target: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()], {
    description: 'The stage the checked move goes to: the next open stage unless ?to= names another; null when there is none',
  }),
  items: Type.Array(GateItem, { description: 'Every exit criterion the move must meet, met or not, in process order' }),
  missing: Type.Array(MissingCriterion),
  overrideAllowed: Type.Boolean(),
  processVersionId: NullableId,
});
export type DealGate = Static<typeof DealGate>;

export const DealGateQuery = Type.Object({ to: Type.Optional(Id) }, { additionalProperties: false });

export const ChecklistTick = Type.Object({ checked: Type.Boolean() }, { additionalProperties: false });
export const DealChecklistParams = Type.Object({ id: Id, criterionId: Id });
