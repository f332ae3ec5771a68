// Pipelines, their ordered stages and exit criteria, process versions and deal custom fields:
// what an admin defines. Every change to stages or criteria creates a new process version.
import { type Static, Type } from 'typebox';
import { Id, Instant, NonEmpty, NullableId } from './common.js';

export const StageKind = Type.Union([Type.Literal('open'), Type.Literal('won'), Type.Literal('lost')]);
export type StageKind = Static<typeof StageKind>;

export const Stage = Type.Object({
  id: Id,
  name: Type.String(),
  position: Type.Integer(),
  probability: Type.Integer({ minimum: 0, maximum: 100, description: 'Win probability in percent' }),
  kind: StageKind,
  guidance: Type.Union([Type.String(), Type.Null()], { description: 'What good looks like at this stage; plain text / Markdown' }),
  agingDays: Type.Union([Type.Integer(), Type.Null()], { description: 'A deal older than this in the stage is flagged' }),
  allowOverride: Type.Boolean(),
  forecastCategory: Type.Union([Type.String(), Type.Null()]),
});
export type Stage = Static<typeof Stage>;

export const Pipeline = Type.Object({
  id: Id,
  name: Type.String(),
  isDefault: Type.Boolean(),
  currentVersionId: NullableId,
  stages: Type.Array(Stage),
  version: Type.Integer(),
});
export type Pipeline = Static<typeof Pipeline>;

export const PipelineList = Type.Object({ items: Type.Array(Pipeline) });

// ---- Admin: pipelines and stages ------------------------------------------------------------

export const ForecastCategory = Type.Union(
  [Type.Literal('pipeline'), Type.Literal('best_case'), Type.Literal('commit'), Type.Literal('closed'), Type.Literal('omitted'), Type.Null()],
  { description: 'Forecast category deals in this stage roll up into' },
);

const Probability = Type.Integer({ minimum: 0, maximum: 100, description: 'Win probability in percent' });
const Guidance = Type.Union([Type.String({ maxLength: 5000 }), Type.Null()], {
  description: 'What good looks like and key questions; plain text with light Markdown (lists, **bold**), never HTML',
});
/**
 * A whole number of days from 1, or null for none. One JSON type list rather than a union: the
 * server coerces request types, and against a union 0 would silently become null (no limit).
 */
const DaysOrNull = (description: string) => Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 1, maximum: 3650, description });
const AgingDays = DaysOrNull('Flag deals longer than this in the stage');
const PipelineVersion = Type.Integer({
  minimum: 1,
  description: 'The pipeline version you read; every process change bumps it, so concurrent admins never overwrite each other',
});

export const PipelineCreate = Type.Object(
  {
    name: NonEmpty(120),
    copyFromPipelineId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type PipelineCreate = Static<typeof PipelineCreate>;

export const PipelinePatch = Type.Object(
  { version: PipelineVersion, name: Type.Optional(NonEmpty(120)), isDefault: Type.Optional(Type.Literal(true)) },
  { additionalProperties: false },
);
export type PipelinePatch = Static<typeof PipelinePatch>;

export const VersionedAction = Type.Object(
  { version: PipelineVersion, note: Type.Optional(Type.String({ maxLength: 500, description: 'Why; kept on the process version' })) },
  { additionalProperties: false },
);
export type VersionedAction = Static<typeof VersionedAction>;

export const StageCreate = Type.Object(
  {
    version: PipelineVersion,
    note: Type.Optional(Type.String({ maxLength: 500 })),
    name: NonEmpty(80),
    probability: Probability,
    kind: Type.Optional(StageKind),
    guidance: Type.Optional(Guidance),
    agingDays: Type.Optional(AgingDays),
    allowOverride: Type.Optional(Type.Boolean()),
    forecastCategory: Type.Optional(ForecastCategory),
    /** 1-based; defaults to after the last open stage. */
    position: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type StageCreate = Static<typeof StageCreate>;

export const StagePatch = Type.Object(
  {
    version: PipelineVersion,
    note: Type.Optional(Type.String({ maxLength: 500 })),
    name: Type.Optional(NonEmpty(80)),
    probability: Type.Optional(Probability),
    guidance: Type.Optional(Guidance),
    agingDays: Type.Optional(AgingDays),
    allowOverride: Type.Optional(Type.Boolean()),
    forecastCategory: Type.Optional(ForecastCategory),
  },
  { additionalProperties: false },
);
export type StagePatch = Static<typeof StagePatch>;

export const StageOrder = Type.Object(
  {
    version: PipelineVersion,
    note: Type.Optional(Type.String({ maxLength: 500 })),
    stageIds: Type.Array(Id, { minItems: 1, maxItems: 100, description: 'Every active stage of the pipeline, in the new order; open stages first' }),
  },
  { additionalProperties: false },
);
export type StageOrder = Static<typeof StageOrder>;

// ---- Exit criteria ----------------------------------------------------------------------------

export const CriterionKind = Type.Union(
  [
    Type.Literal('field'),
    Type.Literal('checklist'),
    Type.Literal('activity'),
    Type.Literal('qualification'),
    Type.Literal('call_plan'),
    Type.Literal('certification'),
  ],
  {
    description:
      'field: a deal field is filled; checklist: the rep ticks it; activity: an activity of a type was logged (within N days); qualification: a framework total reaches a minimum; call_plan: a reviewed call plan exists; certification: the owner is certified on a scenario',
  },
);
export type CriterionKind = Static<typeof CriterionKind>;

export const CriterionActivityType = Type.Union([
  Type.Literal('call'),
  Type.Literal('meeting'),
  Type.Literal('email'),
  Type.Literal('task'),
  Type.Literal('note'),
]);

export const ExitCriterion = Type.Object({
  id: Id,
  stageId: Id,
  position: Type.Integer(),
  kind: CriterionKind,
  label: Type.String(),
  field: Type.Union([Type.String(), Type.Null()]),
  activityType: Type.Union([CriterionActivityType, Type.Null()]),
  withinDays: Type.Union([Type.Integer(), Type.Null()]),
  frameworkId: NullableId,
  minScore: Type.Union([Type.Integer(), Type.Null()]),
  scenario: Type.Union([Type.String(), Type.Null()]),
});
export type ExitCriterion = Static<typeof ExitCriterion>;

const CriterionFields = {
  label: Type.Optional(NonEmpty(200, 'Shown to the rep; defaults to a description of the rule')),
  field: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 80,
      description: 'kind field: amount, closeDate, accountId, contactId, nextStep, source, campaign or custom.<key>',
    }),
  ),
  activityType: Type.Optional(CriterionActivityType),
  withinDays: Type.Optional(DaysOrNull('kind activity: only an activity in the last N days counts; null for any time')),
  frameworkId: Type.Optional(Id),
  minScore: Type.Optional(Type.Integer({ minimum: 1, maximum: 300 })),
  scenario: Type.Optional(NonEmpty(200, 'kind certification: the scenario or skill the owner must be certified on')),
};

export const ExitCriterionCreate = Type.Object(
  { version: PipelineVersion, note: Type.Optional(Type.String({ maxLength: 500 })), kind: CriterionKind, ...CriterionFields },
  { additionalProperties: false },
);
export type ExitCriterionCreate = Static<typeof ExitCriterionCreate>;

export const ExitCriterionPatch = Type.Object(
  { version: PipelineVersion, note: Type.Optional(Type.String({ maxLength: 500 })), ...CriterionFields },
  { additionalProperties: false },
);
export type ExitCriterionPatch = Static<typeof ExitCriterionPatch>;

export const FieldChoice = Type.Object({ field: Type.String(), label: Type.String() });
export type FieldChoice = Static<typeof FieldChoice>;

export const ProcessVersion = Type.Object({
  id: Id,
  number: Type.Integer(),
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: Instant,
  createdById: NullableId,
  createdByName: Type.Union([Type.String(), Type.Null()]),
});
export type ProcessVersion = Static<typeof ProcessVersion>;

export const ProcessVersionDetail = Type.Intersect([ProcessVersion, Type.Object({ pipelineId: Id, snapshot: Type.Unknown() })]);
export type ProcessVersionDetail = Static<typeof ProcessVersionDetail>;

export const ProcessStage = Type.Intersect([Stage, Type.Object({ criteria: Type.Array(ExitCriterion) })]);
export type ProcessStage = Static<typeof ProcessStage>;

export const ProcessDefinition = Type.Object({
  pipeline: Type.Object({ id: Id, name: Type.String(), isDefault: Type.Boolean(), version: Type.Integer() }),
  stages: Type.Array(ProcessStage, { description: 'Active stages in order, each with its exit criteria' }),
  currentVersion: Type.Union([ProcessVersion, Type.Null()]),
  fieldChoices: Type.Array(FieldChoice, { description: 'Deal fields a required-field criterion can name' }),
});
export type ProcessDefinition = Static<typeof ProcessDefinition>;

export const ProcessVersionList = Type.Object({ items: Type.Array(ProcessVersion) });

// ---- Custom fields (deals, accounts, contacts) ------------------------------------------------

export const CustomFieldEntity = Type.Union([Type.Literal('deal'), Type.Literal('account'), Type.Literal('contact')], {
  description: 'The kind of record the field belongs to',
});
export type CustomFieldEntity = Static<typeof CustomFieldEntity>;

export const CustomFieldType = Type.Union([
  Type.Literal('text'),
  Type.Literal('number'),
  Type.Literal('date'),
  Type.Literal('boolean'),
  Type.Literal('select'),
]);
export type CustomFieldType = Static<typeof CustomFieldType>;

const Options = Type.Array(NonEmpty(100), { minItems: 1, maxItems: 100, description: 'Choices of a select field' });

export const CustomField = Type.Object({
  id: Id,
  entity: CustomFieldEntity,
  key: Type.String(),
  label: Type.String(),
  type: CustomFieldType,
  options: Type.Union([Type.Array(Type.String()), Type.Null()]),
  position: Type.Integer(),
});
export type CustomField = Static<typeof CustomField>;

export const CustomFieldCreate = Type.Object(
  {
    entity: Type.Optional(CustomFieldEntity),
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: 'Stable key used in the API and CSV (custom.<key>): lower case, digits, _' }),
    label: NonEmpty(80),
    type: CustomFieldType,
    options: Type.Optional(Options),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  },
  { additionalProperties: false },
);
export type CustomFieldCreate = Static<typeof CustomFieldCreate>;

export const CustomFieldPatch = Type.Object(
  { label: Type.Optional(NonEmpty(80)), options: Type.Optional(Options), position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })) },
  { additionalProperties: false },
);
export type CustomFieldPatch = Static<typeof CustomFieldPatch>;

export const CustomFieldList = Type.Object({ items: Type.Array(CustomField) });

export const CustomFieldListQuery = Type.Object({ entity: CustomFieldEntity }, { additionalProperties: false });
export type CustomFieldListQuery = Static<typeof CustomFieldListQuery>;
