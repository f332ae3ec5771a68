import { type Static, Type } from 'typebox';
import { Id, NullableId } from './common.js';

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
