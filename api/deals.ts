import { type Static, Type } from 'typebox';
import {
  AmountMinor,
  CalendarDate,
  Currency,
  CustomValues,
  Id,
  Instant,
  ListQuery,
  MAX_PAGE_SIZE,
  NonEmpty,
  NullableId,
  NullableInstant,
  OptionalText,
  Page,
  Version,
} from './common.js';

export const DealStatus = Type.Union([Type.Literal('open'), Type.Literal('won'), Type.Literal('lost')]);
export type DealStatus = Static<typeof DealStatus>;

/** Where a stage change came from; recorded on every move so adherence can be read per path. */
export const MoveVia = Type.Union([
  Type.Literal('form'),
  Type.Literal('board'),
  Type.Literal('bulk'),
  Type.Literal('import'),
  Type.Literal('api'),
  Type.Literal('automation'),
]);
export type MoveVia = Static<typeof MoveVia>;

export const Deal = Type.Object({
  id: Id,
  name: Type.String(),
  accountId: NullableId,
  accountName: Type.Union([Type.String(), Type.Null()]),
  contactId: NullableId,
  contactName: Type.Union([Type.String(), Type.Null()]),
  ownerId: Id,
  ownerName: Type.String(),
  pipelineId: Id,
  stageId: Id,
  stageName: Type.String(),
  amount: AmountMinor,
  currency: Currency,
  closeDate: CalendarDate,
  status: DealStatus,
  lostReason: Type.Union([Type.String(), Type.Null()]),
  source: Type.Union([Type.String(), Type.Null()]),
  campaign: Type.Union([Type.String(), Type.Null()]),
  nextStep: Type.Union([Type.String(), Type.Null()]),
  custom: CustomValues,
  externalId: Type.Union([Type.String(), Type.Null()]),
  stageEnteredAt: Instant,
  closedAt: NullableInstant,
  createdAt: Instant,
  /** The deal came from a file that gave no start date: createdAt is only the first instant known of it. */
  createdUnknown: Type.Boolean(),
  updatedAt: Instant,
  version: Type.Integer(),
});
export type Deal = Static<typeof Deal>;

export const DealCreate = Type.Object(
  {
    name: NonEmpty(200),
    accountId: Type.Optional(NullableId),
    contactId: Type.Optional(NullableId),
    ownerId: Type.Optional(Id),
    pipelineId: Type.Optional(Id),
    stageId: Type.Optional(Id),
    amount: AmountMinor,
    currency: Type.Optional(Currency),
    closeDate: CalendarDate,
    source: Type.Optional(OptionalText(100)),
    campaign: Type.Optional(OptionalText(200)),
    nextStep: Type.Optional(OptionalText(500)),
    custom: Type.Optional(CustomValues),
    externalId: Type.Optional(OptionalText(200)),
  },
  { additionalProperties: false },
);
export type DealCreate = Static<typeof DealCreate>;

export const DealPatch = Type.Object(
  {
    version: Version,
    name: Type.Optional(NonEmpty(200)),
    accountId: Type.Optional(NullableId),
    contactId: Type.Optional(NullableId),
    ownerId: Type.Optional(Id),
    amount: Type.Optional(AmountMinor),
    currency: Type.Optional(Currency),
    closeDate: Type.Optional(CalendarDate),
    source: Type.Optional(OptionalText(100)),
    campaign: Type.Optional(OptionalText(200)),
    nextStep: Type.Optional(OptionalText(500)),
    custom: Type.Optional(CustomValues),
    externalId: Type.Optional(OptionalText(200)),
    stageId: Type.Optional(Id),
    status: Type.Optional(DealStatus),
    lostReason: Type.Optional(OptionalText(200)),
    overrideReason: Type.Optional(
      Type.String({ minLength: 3, maxLength: 500, description: 'Needed to move past unmet exit criteria where the stage allows overrides' }),
    ),
  },
  { additionalProperties: false },
);
export type DealPatch = Static<typeof DealPatch>;

export const DealMove = Type.Object(
  {
    version: Version,
    stageId: Id,
    lostReason: Type.Optional(OptionalText(200)),
    overrideReason: Type.Optional(Type.String({ minLength: 3, maxLength: 500 })),
    via: Type.Optional(Type.Union([Type.Literal('form'), Type.Literal('board')])),
  },
  { additionalProperties: false },
);
export type DealMove = Static<typeof DealMove>;

export const MissingCriterion = Type.Object({
  stageId: Id,
  stageName: Type.String(),
  criterionId: Type.String(),
  kind: Type.String(),
  label: Type.String(),
  field: Type.Optional(Type.String({ description: 'The deal field to fill, when the criterion is a required field' })),
  activityType: Type.Optional(Type.String({ description: 'The activity to log, when the criterion is a required activity' })),
  frameworkId: Type.Optional(Type.String({ description: 'The framework to score, when the criterion is a minimum qualification score' })),
  hint: Type.Optional(Type.String()),
});
export type MissingCriterion = Static<typeof MissingCriterion>;

export const GateBlockedDetails = Type.Object({
  dealId: Id,
  missing: Type.Array(MissingCriterion),
  overrideAllowed: Type.Boolean(),
});
export type GateBlockedDetails = Static<typeof GateBlockedDetails>;

export const DealBulkUpdate = Type.Object(
  {
    ids: Type.Array(Id, { minItems: 1, maxItems: 500 }),
    set: Type.Object(
      {
        ownerId: Type.Optional(Id),
        stageId: Type.Optional(Id),
        closeDate: Type.Optional(CalendarDate),
        overrideReason: Type.Optional(Type.String({ minLength: 3, maxLength: 500 })),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type DealBulkUpdate = Static<typeof DealBulkUpdate>;

export const DealBulkResult = Type.Object({ updated: Type.Integer(), items: Type.Array(Deal) });

export const DEAL_SORTS = ['name', 'amount', 'closeDate', 'createdAt', 'updatedAt', 'stageEnteredAt'] as const;
export const DealListQuery = ListQuery(DEAL_SORTS, {
  ownerId: Type.Optional(Id),
  stageId: Type.Optional(Id),
  pipelineId: Type.Optional(Id),
  accountId: Type.Optional(Id),
  contactId: Type.Optional(Id),
  status: Type.Optional(DealStatus),
  closeFrom: Type.Optional(CalendarDate),
  closeTo: Type.Optional(CalendarDate),
});
export type DealListQuery = Static<typeof DealListQuery>;

export const BoardQuery = Type.Object(
  {
    pipelineId: Type.Optional(Id),
    ownerId: Type.Optional(Id),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    perStage: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type BoardQuery = Static<typeof BoardQuery>;

/** One more page of a board column: the board's filters, one stage, after the column's cursor. */
export const BoardColumnQuery = Type.Object(
  {
    stageId: Id,
    ownerId: Type.Optional(Id),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    cursor: Type.Optional(Type.String({ maxLength: 512, description: "The column's nextCursor (from the board or the previous page)" })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })),
  },
  { additionalProperties: false },
);
export type BoardColumnQuery = Static<typeof BoardColumnQuery>;

export const BoardColumnPage = Page(Deal);
export type BoardColumnPage = Static<typeof BoardColumnPage>;

export const BoardColumn = Type.Object({
  stageId: Id,
  stageName: Type.String(),
  probability: Type.Integer(),
  kind: Type.Union([Type.Literal('open'), Type.Literal('won'), Type.Literal('lost')]),
  count: Type.Integer({ description: 'Open deals in the stage (all of them, not just the ones listed)' }),
  amount: Type.Integer({ description: 'Sum of their amounts in minor units (workspace currency)' }),
  items: Type.Array(Deal, { description: 'The first deals by close date' }),
  nextCursor: Type.Union([Type.String(), Type.Null()], {
    description: 'Pass as cursor to GET /api/v1/deals/board/column for the next deals of this column; null when all are listed',
  }),
});

export const Board = Type.Object({
  pipelineId: Id,
  columns: Type.Array(BoardColumn, { description: 'Open stages in order; closed stages are drop targets with recent deals' }),
});
export type Board = Static<typeof Board>;
