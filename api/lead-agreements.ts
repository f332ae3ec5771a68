import { type Static, Type } from 'typebox';
import { Id, Instant, NonEmpty, NullableInstant, OptionalText, Version } from './common.js';

/** Lead fields a fit criterion can look at. */
export const FitField = Type.Union([
  Type.Literal('industry'),
  Type.Literal('companySize'),
  Type.Literal('title'),
  Type.Literal('country'),
  Type.Literal('segment'),
]);
export type FitField = Static<typeof FitField>;

const RuleId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9_-]+$', description: 'Stable key of the rule, used in explanations' });
const Points = Type.Integer({ minimum: -1000, maximum: 1000 });

export const FitCriterion = Type.Object(
  {
    id: RuleId,
    label: NonEmpty(120),
    field: FitField,
    /** Text fields: any of these values (case-insensitive; for title: contained in the title). */
    values: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 120 }), { maxItems: 100 })),
    /** companySize: inclusive bounds. */
    min: Type.Optional(Type.Integer({ minimum: 0 })),
    max: Type.Optional(Type.Integer({ minimum: 0 })),
    points: Points,
  },
  { additionalProperties: false },
);
export type FitCriterion = Static<typeof FitCriterion>;

export const BehaviourRule = Type.Object(
  {
    id: RuleId,
    label: NonEmpty(120),
    /** The event name a lead's behaviour carries, e.g. demo_request, pricing_page, webinar. */
    event: Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9_.-]+$' }),
    points: Points,
    /** How many occurrences count at most (default 1). */
    maxTimes: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type BehaviourRule = Static<typeof BehaviourRule>;

export const SalesSla = Type.Object(
  {
    acceptWithinHours: Type.Number({ exclusiveMinimum: 0, maximum: 720, description: 'Accept or reject within this many business hours of routing' }),
    firstTouchWithinHours: Type.Number({ exclusiveMinimum: 0, maximum: 720, description: 'First human touch within this many business hours of routing' }),
    attempts: Type.Integer({ minimum: 1, maximum: 50, description: 'At least this many touch attempts while unreached' }),
    attemptsWithinDays: Type.Integer({ minimum: 1, maximum: 90 }),
  },
  { additionalProperties: false },
);
export type SalesSla = Static<typeof SalesSla>;

export const Commitment = Type.Object(
  { segment: NonEmpty(60), mqlsPerMonth: Type.Integer({ minimum: 0, maximum: 1_000_000 }) },
  { additionalProperties: false },
);
export type Commitment = Static<typeof Commitment>;

/** The terms both sides sign. */
export const AgreementTerms = Type.Object(
  {
    fit: Type.Array(FitCriterion, { maxItems: 100 }),
    behaviours: Type.Array(BehaviourRule, { maxItems: 100 }),
    mqlThreshold: Type.Integer({ minimum: 0, maximum: 100_000 }),
    salDefinition: NonEmpty(2000),
    sqlDefinition: NonEmpty(2000),
    rejectionReasons: Type.Array(NonEmpty(120), { minItems: 1, maxItems: 50 }),
    sla: SalesSla,
    commitments: Type.Array(Commitment, { maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type AgreementTerms = Static<typeof AgreementTerms>;

export const AgreementStatus = Type.Union([Type.Literal('draft'), Type.Literal('proposed'), Type.Literal('in_force'), Type.Literal('superseded')]);
export type AgreementStatus = Static<typeof AgreementStatus>;

const Approval = Type.Union([Type.Object({ userId: Id, name: Type.String(), at: Instant }), Type.Null()]);

export const LeadAgreement = Type.Object({
  id: Id,
  number: Type.Integer({ description: 'Version number, 1, 2, 3 … in the order drafted' }),
  status: AgreementStatus,
  note: Type.Union([Type.String(), Type.Null()]),
  terms: AgreementTerms,
  createdBy: Type.Union([Id, Type.Null()]),
  createdAt: Instant,
  proposedAt: NullableInstant,
  salesApproval: Approval,
  marketingApproval: Approval,
  inForceAt: NullableInstant,
  supersededAt: NullableInstant,
  updatedAt: Instant,
  version: Type.Integer(),
});
export type LeadAgreement = Static<typeof LeadAgreement>;

export const LeadAgreementCreate = Type.Object(
  {
    terms: AgreementTerms,
    note: Type.Optional(OptionalText(1000)),
  },
  { additionalProperties: false },
);
export type LeadAgreementCreate = Static<typeof LeadAgreementCreate>;

export const LeadAgreementPatch = Type.Object(
  { version: Version, terms: Type.Optional(AgreementTerms), note: Type.Optional(OptionalText(1000)) },
  { additionalProperties: false },
);
export type LeadAgreementPatch = Static<typeof LeadAgreementPatch>;

export const VersionBody = Type.Object({ version: Version }, { additionalProperties: false });
export type VersionBody = Static<typeof VersionBody>;

export const LeadAgreementList = Type.Object({ items: Type.Array(LeadAgreement) });
export type LeadAgreementList = Static<typeof LeadAgreementList>;
