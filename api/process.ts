// The process at work on deals (stage gate, checklist, qualification) and how well it is kept
// (adherence, gate calibration), with the drill-downs behind every number.
import { type Static, type TSchema, Type } from 'typebox';
import { AmountMinor, CalendarDate, Currency, Id, Instant, NonEmpty, NullableId, NullableInstant, UserRef } from './common.js';
import { MissingCriterion } from './deals.js';
import { OverrideReviewSummary } from './override-reviews.js';
import { CriterionActivityType, CriterionKind } from './pipelines.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

// ---- Deal gate: what is needed to move on ------------------------------------------------------

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

// ---- Qualification -------------------------------------------------------------------------------

export const QualificationElement = Type.Object({
  id: Id,
  key: Type.String(),
  label: Type.String(),
  description: Nullable(Type.String()),
  position: Type.Integer(),
});
export type QualificationElement = Static<typeof QualificationElement>;

export const QualificationFramework = Type.Object({
  id: Id,
  key: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  builtin: Type.Boolean({ description: 'MEDDPICC, BANT and SPICED come with every workspace and cannot be changed' }),
  elements: Type.Array(QualificationElement),
  maxTotal: Type.Integer({ description: '3 per element' }),
  version: Type.Integer(),
});
export type QualificationFramework = Static<typeof QualificationFramework>;

export const QualificationFrameworkList = Type.Object({ items: Type.Array(QualificationFramework) });

const ElementKey = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: 'lower case, digits, _' });
const ElementInput = Type.Object(
  { key: Type.Optional(ElementKey), label: NonEmpty(80), description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))) },
  { additionalProperties: false },
);

export const QualificationFrameworkCreate = Type.Object(
  {
    key: Type.Optional(ElementKey),
    name: NonEmpty(80),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    elements: Type.Array(ElementInput, { minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type QualificationFrameworkCreate = Static<typeof QualificationFrameworkCreate>;

export const QualificationFrameworkPatch = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    name: Type.Optional(NonEmpty(80)),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    elements: Type.Optional(
      Type.Array(ElementInput, { minItems: 1, maxItems: 20, description: 'The full list: elements matched by key; a key left out is retired' }),
    ),
  },
  { additionalProperties: false },
);
export type QualificationFrameworkPatch = Static<typeof QualificationFrameworkPatch>;

export const Score = Type.Integer({ minimum: 0, maximum: 3, description: '0 unknown, 1 weak, 2 good, 3 confirmed' });

export const DealQualificationFramework = Type.Object({
  frameworkId: Id,
  key: Type.String(),
  name: Type.String(),
  maxTotal: Type.Integer(),
  total: Type.Integer(),
  scored: Type.Integer({ description: 'Elements with a score' }),
  version: Type.Integer({ description: '0 until the deal is first scored on this framework' }),
  updatedAt: NullableInstant,
  updatedBy: Nullable(UserRef),
  elements: Type.Array(
    Type.Object({
      elementId: Id,
      key: Type.String(),
      label: Type.String(),
      description: Nullable(Type.String()),
      score: Nullable(Score),
      evidence: Nullable(Type.String()),
    }),
  ),
});
export type DealQualificationFramework = Static<typeof DealQualificationFramework>;

export const DealQualification = Type.Object({ dealId: Id, frameworks: Type.Array(DealQualificationFramework) });
export type DealQualification = Static<typeof DealQualification>;

export const DealQualificationPut = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'The version you read; leave out the first time a deal is scored on the framework' })),
    scores: Type.Array(
      Type.Object(
        {
          elementKey: Type.String({ minLength: 1, maxLength: 40 }),
          score: Nullable(Score),
          evidence: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);
export type DealQualificationPut = Static<typeof DealQualificationPut>;

export const DealFrameworkParams = Type.Object({ id: Id, frameworkId: Id });

// ---- Adherence ---------------------------------------------------------------------------------

const Ratio = Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'null when there is nothing to divide by' }));

export const MoveFigures = Type.Object({
  moves: Type.Integer({ description: 'Stage moves in the period' }),
  adherentMoves: Type.Integer({ description: 'Moves that met every exit criterion, without override and without a skipped stage' }),
  adherence: Ratio,
  forwardMoves: Type.Integer({ description: 'Moves that gained probability' }),
  forwardGain: Type.Integer({ description: 'Σ probability points gained by forward moves' }),
  adherentGain: Type.Integer({ description: 'Σ probability points gained by adherent forward moves' }),
  weightedAdherence: Ratio,
  overrides: Type.Integer(),
  challengedOverrides: Type.Integer({ description: 'Overrides a leader challenged (their current verdict)' }),
  skippedMoves: Type.Integer({ description: 'Moves that jumped over at least one stage' }),
  backwardMoves: Type.Integer(),
});
export type MoveFigures = Static<typeof MoveFigures>;

export const DealFigures = Type.Object({
  openDeals: Type.Integer({ description: 'Open deals at the as-of instant' }),
  agingDeals: Type.Integer({ description: 'Open deals longer in their stage than its aging limit' }),
  noNextStepDeals: Type.Integer({ description: 'Open deals with no activity scheduled after the as-of instant' }),
});
export type DealFigures = Static<typeof DealFigures>;

export const Figures = Type.Intersect([MoveFigures, DealFigures]);
export type Figures = Static<typeof Figures>;

export const AdherenceQuery = Type.Object(
  {
    from: CalendarDate,
    to: CalendarDate,
    pipelineId: Type.Optional(Id),
    ownerId: Type.Optional(Id),
    teamId: Type.Optional(Id),
    processVersionId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type AdherenceQuery = Static<typeof AdherenceQuery>;

export const VersionFigures = Type.Intersect([
  Type.Object({
    processVersionId: NullableId,
    number: Nullable(Type.Integer({ description: 'null for moves recorded without a version' })),
    pipelineId: NullableId,
    pipelineName: Nullable(Type.String()),
    note: Nullable(Type.String({ description: 'What changed, as recorded with the version' })),
    inForceFrom: NullableInstant,
    inForceTo: NullableInstant,
  }),
  MoveFigures,
]);
export type VersionFigures = Static<typeof VersionFigures>;

export const AdherenceReport = Type.Object({
  from: CalendarDate,
  to: CalendarDate,
  asOf: Instant,
  totals: Figures,
  weeks: Type.Array(Type.Intersect([Type.Object({ weekStart: CalendarDate, asOf: Instant }), Figures]), {
    description: 'Monday-based weeks in the workspace time zone; deal figures as of the end of each week',
  }),
  reps: Type.Array(Type.Intersect([Type.Object({ userId: Id, name: Type.String() }), Figures])),
  teams: Type.Array(Type.Intersect([Type.Object({ teamId: Id, name: Type.String(), parentId: NullableId }), Figures]), {
    description: 'Each visible team with everyone below it',
  }),
  versions: Type.Array(VersionFigures, {
    description:
      'Move figures per process version the moves were checked against: every version in force during the period (with or without moves) and any other version moves in the period recorded; oldest first',
  }),
});
export type AdherenceReport = Static<typeof AdherenceReport>;

export const MoveFilter = Type.Union(
  [
    Type.Literal('all'),
    Type.Literal('adherent'),
    Type.Literal('nonAdherent'),
    Type.Literal('forward'),
    Type.Literal('adherentForward'),
    Type.Literal('override'),
    Type.Literal('challenged'),
    Type.Literal('skipped'),
    Type.Literal('backward'),
  ],
  { default: 'all' },
);

export const AdherenceMovesQuery = Type.Object(
  {
    from: CalendarDate,
    to: CalendarDate,
    pipelineId: Type.Optional(Id),
    ownerId: Type.Optional(Id),
    teamId: Type.Optional(Id),
    processVersionId: Type.Optional(Id),
    filter: Type.Optional(MoveFilter),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
  },
  { additionalProperties: false },
);
export type AdherenceMovesQuery = Static<typeof AdherenceMovesQuery>;

export const AdherenceMove = Type.Object({
  id: Id,
  at: Instant,
  dealId: Id,
  dealName: Type.String(),
  ownerId: Id,
  ownerName: Type.String(),
  actorId: NullableId,
  actorName: Nullable(Type.String()),
  fromStageName: Nullable(Type.String()),
  toStageName: Type.String(),
  fromProbability: Nullable(Type.Integer()),
  toProbability: Type.Integer(),
  gain: Type.Integer(),
  criteriaMet: Type.Boolean(),
  adherent: Type.Boolean(),
  overrideReason: Nullable(Type.String()),
  review: OverrideReviewSummary,
  skipped: Type.Integer(),
  direction: Type.Integer(),
  via: Type.String(),
  missing: Type.Array(MissingCriterion),
  processVersionNumber: Nullable(Type.Integer()),
});
export type AdherenceMove = Static<typeof AdherenceMove>;

export const AdherenceMovePage = Type.Object({ items: Type.Array(AdherenceMove), nextCursor: Nullable(Type.String()) });

export const DealFilter = Type.Union([Type.Literal('open'), Type.Literal('aging'), Type.Literal('noNextStep')]);

export const AdherenceDealsQuery = Type.Object(
  {
    asOf: Type.Optional(CalendarDate),
    filter: DealFilter,
    pipelineId: Type.Optional(Id),
    ownerId: Type.Optional(Id),
    teamId: Type.Optional(Id),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
  },
  { additionalProperties: false },
);
export type AdherenceDealsQuery = Static<typeof AdherenceDealsQuery>;

export const AdherenceDeal = Type.Object({
  dealId: Id,
  dealName: Type.String(),
  ownerId: Id,
  ownerName: Type.String(),
  stageId: Id,
  stageName: Type.String(),
  enteredAt: Instant,
  daysInStage: Type.Integer(),
  agingDays: Nullable(Type.Integer()),
  amount: AmountMinor,
  currency: Currency,
});
export type AdherenceDeal = Static<typeof AdherenceDeal>;

export const AdherenceDealPage = Type.Object({ asOf: Instant, items: Type.Array(AdherenceDeal), nextCursor: Nullable(Type.String()) });

// ---- Gate calibration ------------------------------------------------------------------------------

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
