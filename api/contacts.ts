import { type Static, Type } from 'typebox';
import { CustomValues, Id, Instant, ListQuery, NonEmpty, NullableId, OptionalText, Version } from './common.js';

export const Contact = Type.Object({
  id: Id,
  accountId: NullableId,
  accountName: Type.Union([Type.String(), Type.Null()]),
  firstName: Type.String(),
  lastName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  title: Type.Union([Type.String(), Type.Null()]),
  ownerId: Id,
  ownerName: Type.String(),
  custom: CustomValues,
  externalId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Instant,
  updatedAt: Instant,
  version: Type.Integer(),
});
export type Contact = Static<typeof Contact>;

const ContactEmail = Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()]);

export const ContactCreate = Type.Object(
  {
    firstName: NonEmpty(100),
    lastName: NonEmpty(100),
    accountId: Type.Optional(NullableId),
    email: Type.Optional(ContactEmail),
    phone: Type.Optional(OptionalText(50)),
    title: Type.Optional(OptionalText(120)),
    ownerId: Type.Optional(Id),
    custom: Type.Optional(CustomValues),
    externalId: Type.Optional(OptionalText(200)),
  },
  { additionalProperties: false },
);
export type ContactCreate = Static<typeof ContactCreate>;

export const ContactPatch = Type.Object(
  {
    version: Version,
    firstName: Type.Optional(NonEmpty(100)),
    lastName: Type.Optional(NonEmpty(100)),
    accountId: Type.Optional(NullableId),
    email: Type.Optional(ContactEmail),
    phone: Type.Optional(OptionalText(50)),
    title: Type.Optional(OptionalText(120)),
    ownerId: Type.Optional(Id),
    custom: Type.Optional(CustomValues),
    externalId: Type.Optional(OptionalText(200)),
  },
  { additionalProperties: false },
);
export type ContactPatch = Static<typeof ContactPatch>;

export const CONTACT_SORTS = ['lastName', 'firstName', 'createdAt', 'updatedAt'] as const;
export const ContactListQuery = ListQuery(CONTACT_SORTS, {
  ownerId: Type.Optional(Id),
  accountId: Type.Optional(Id),
});
export type ContactListQuery = Static<typeof ContactListQuery>;
