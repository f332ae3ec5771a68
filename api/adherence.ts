// How well the process is kept: adherence by stage, rep and criterion, with the deals behind every number.
import { type Static, Type } from 'typebox';
import { AmountMinor, CalendarDate, Currency, Id, Instant, Nullable, NullableId, NullableInstant } from './common.js';
import { MissingCriterion } from './deals.js';
import { OverrideReviewSummary } from './override-reviews.js';

export const Ratio = Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'null when there is nothing to divide by' }));

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
  importedMoves: Type.Integer({
    description: "Moves in the period an historical import brought in (another system's history, never gated): in none of the figures above",
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
export type AdherenceMovePage = Static<typeof AdherenceMovePage>;

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
export type AdherenceDealPage = Static<typeof AdherenceDealPage>;
