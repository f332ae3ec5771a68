// Comments on a deal: a leader's word to the rep (manager of the owner's team, CSO/admin) and the
// rep's reply. Who may read and write them is who may see the deal; they are kept as said.
import { type Static, Type } from 'typebox';
import { Id, Instant, NonEmpty, UserRef } from './common.js';

export const DealComment = Type.Object({
  id: Id,
  dealId: Id,
  author: UserRef,
  body: Type.String(),
  createdAt: Instant,
});
export type DealComment = Static<typeof DealComment>;

export const DealCommentCreate = Type.Object(
  { body: NonEmpty(4000, 'What you want to say; the deal owner is told, and so are earlier commenters') },
  { additionalProperties: false },
);
export type DealCommentCreate = Static<typeof DealCommentCreate>;

export const DealCommentList = Type.Object({ items: Type.Array(DealComment) });
export type DealCommentList = Static<typeof DealCommentList>;
