// Deal reviews: a manager inspects a deal against its stage criteria and qualification and records
// findings and coaching notes; they land on the deal's timeline and in the owner's next agenda.
import { type Static, Type } from 'typebox';
import { Id, Instant, OptionalText, UserRef } from './common.js';

export const DealReview = Type.Object({
  id: Id,
  dealId: Id,
  dealName: Type.String(),
  reviewer: UserRef,
  owner: UserRef,
  stageName: Type.Union([Type.String(), Type.Null()]),
  findings: Type.String(),
  coachingNotes: Type.Union([Type.String(), Type.Null()]),
  createdAt: Instant,
});
export type DealReview = Static<typeof DealReview>;

export const DealReviewCreate = Type.Object(
  {
    findings: Type.String({ minLength: 1, maxLength: 5000, pattern: '\\S' }),
    coachingNotes: Type.Optional(OptionalText(5000)),
  },
  { additionalProperties: false },
);
export type DealReviewCreate = Static<typeof DealReviewCreate>;

export const DealReviewList = Type.Object({ items: Type.Array(DealReview) });
export type DealReviewList = Static<typeof DealReviewList>;
