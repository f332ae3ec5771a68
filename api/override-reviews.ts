// A leader's verdict on a gate override: accepted or challenged, with a comment. One per stage move;
// the rep reads it on the deal's timeline, and adherence counts challenged overrides.
import { type Static, Type } from 'typebox';
import { Id, Instant, OptionalText, UserRef, Version } from './common.js';

export const OverrideVerdict = Type.Union([Type.Literal('accepted'), Type.Literal('challenged')]);
export type OverrideVerdict = Static<typeof OverrideVerdict>;

export const OverrideReview = Type.Object({
  id: Id,
  stageMoveId: Id,
  dealId: Id,
  verdict: OverrideVerdict,
  comment: Type.Union([Type.String(), Type.Null()]),
  reviewer: UserRef,
  reviewedAt: Instant,
  version: Version,
});
export type OverrideReview = Static<typeof OverrideReview>;

export const OverrideReviewPut = Type.Object(
  {
    verdict: OverrideVerdict,
    comment: Type.Optional(OptionalText(2000)),
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'The version of the review you read; leave out to give the first verdict' })),
  },
  { additionalProperties: false },
);
export type OverrideReviewPut = Static<typeof OverrideReviewPut>;

export const StageMoveParams = Type.Object({ id: Id });

/** The review as the timeline and the moves list show it. */
export const OverrideReviewSummary = Type.Union([
  Type.Object({
    verdict: OverrideVerdict,
    comment: Type.Union([Type.String(), Type.Null()]),
    reviewer: Type.Union([UserRef, Type.Null()]),
    reviewedAt: Instant,
    version: Version,
  }),
  Type.Null(),
]);
export type OverrideReviewSummary = Static<typeof OverrideReviewSummary>;
