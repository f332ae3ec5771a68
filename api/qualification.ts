// Qualification of a deal on a framework (BANT, MEDDPICC, …): elements, scores and their evidence.
import { type Static, Type } from 'typebox';
import { Id, NonEmpty, Nullable, NullableInstant, UserRef } from './common.js';

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
