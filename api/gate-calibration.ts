// Gate calibration: whether each exit criterion predicts winning, with the deals behind every figure.
import { type Static, Type } from 'typebox';
import { Ratio } from './adherence.js';
import { AmountMinor, CalendarDate, Currency, Id, Nullable } from './common.js';
import { CriterionKind } from './pipelines.js';

export const CalibrationQuery = Type.Object(
  {
    from: Type.Optional(CalendarDate),
    to: Type.Optional(CalendarDate),
    pipelineId: Type.Optional(Id),
    ownerId: Type.Optional(Id),
    teamId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type CalibrationQuery = Static<typeof CalibrationQuery>;

const Outcome = Type.Object({ deals: Type.Integer(), won: Type.Integer(), winRate: Ratio });

export const Calibration = Type.Object({
  pipelineId: Id,
  closedDeals: Type.Integer(),
  wonDeals: Type.Integer(),
  stages: Type.Array(
    Type.Object({
      stageId: Id,
      name: Type.String(),
      position: Type.Integer(),
      probability: Type.Integer({ description: 'Configured probability, percent' }),
      reached: Type.Integer({ description: 'Closed deals that reached this stage or a later one (every won deal reached every stage)' }),
      won: Type.Integer(),
      winRate: Ratio,
    }),
  ),
  criteria: Type.Array(
    Type.Object({
      criterionId: Id,
      stageId: Id,
      stageName: Type.String(),
      kind: CriterionKind,
      label: Type.String(),
      retired: Type.Boolean({ description: 'No longer part of the process' }),
      met: Outcome,
      notMet: Outcome,
    }),
  ),
});
export type Calibration = Static<typeof Calibration>;

export const CalibrationDealsQuery = Type.Object(
  {
    from: Type.Optional(CalendarDate),
    to: Type.Optional(CalendarDate),
    pipelineId: Type.Optional(Id),
    ownerId: Type.Optional(Id),
    teamId: Type.Optional(Id),
    stageId: Type.Optional(Id),
    criterionId: Type.Optional(Id),
    met: Type.Optional(Type.Boolean()),
    outcome: Type.Optional(Type.Union([Type.Literal('won'), Type.Literal('lost')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
  },
  { additionalProperties: false },
);
export type CalibrationDealsQuery = Static<typeof CalibrationDealsQuery>;

export const CalibrationDeal = Type.Object({
  dealId: Id,
  dealName: Type.String(),
  ownerName: Type.String(),
  status: Type.Union([Type.Literal('won'), Type.Literal('lost')]),
  amount: AmountMinor,
  currency: Currency,
  closeDate: CalendarDate,
});
export type CalibrationDeal = Static<typeof CalibrationDeal>;

export const CalibrationDealPage = Type.Object({ items: Type.Array(CalibrationDeal), nextCursor: Nullable(Type.String()) });
export type CalibrationDealPage = Static<typeof CalibrationDealPage>;
