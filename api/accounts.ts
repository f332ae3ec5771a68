import { type Static, Type } from 'typebox';
import { CustomValues, Id, Instant, ListQuery, NonEmpty, OptionalText, Version } from './common.js';

export const Account = Type.Object({
  id: Id,
  name: Type.String(),
  domain: Type.Union([Type.String(), Type.Null()]),
  industry: Type.Union([Type.String(), Type.Null()]),
  size: Type.Union([Type.Integer(), Type.Null()], { description: 'Employees' }),
  country: Type.Union([Type.String(), Type.Null()]),
  ownerId: Id,
  ownerName: Type.String(),
  shared: Type.Boolean({ description: 'Shared accounts are visible to every rep' }),
  custom: CustomValues,
  externalId: Type.Union([Type.String(), Type.Null()]),
  openDeals: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Open deals on the account that you can see; null when your role reads no deals',
  }),
  createdAt: Instant,
  updatedAt: Instant,
  version: Type.Integer(),
});
export type Account = Static<typeof Account>;

const accountFields = {
  name: NonEmpty(200),
  domain: OptionalText(200),
  industry: OptionalText(100),
  size: Type.Union([Type.Integer({ minimum: 0, maximum: 10_000_000 }), Type.Null()]),
  country: OptionalText(100),
  ownerId: Id,
  shared: Type.Boolean(),
  externalId: OptionalText(200),
};

export const AccountCreate = Type.Object(
  {
    name: accountFields.name,
    domain: Type.Optional(accountFields.domain),
    industry: Type.Optional(accountFields.industry),
    size: Type.Optional(accountFields.size),
    country: Type.Optional(accountFields.country),
    ownerId: Type.Optional(accountFields.ownerId),
    shared: Type.Optional(accountFields.shared),
    custom: Type.Optional(CustomValues),
    externalId: Type.Optional(accountFields.externalId),
  },
  { additionalProperties: false },
);
export type AccountCreate = Static<typeof AccountCreate>;

export const AccountPatch = Type.Object(
  {
    version: Version,
    name: Type.Optional(accountFields.name),
    domain: Type.Optional(accountFields.domain),
    industry: Type.Optional(accountFields.industry),
    size: Type.Optional(accountFields.size),
    country: Type.Optional(accountFields.country),
    ownerId: Type.Optional(accountFields.ownerId),
    shared: Type.Optional(accountFields.shared),
    custom: Type.Optional(CustomValues),
    externalId: Type.Optional(accountFields.externalId),
  },
  { additionalProperties: false },
);
export type AccountPatch = Static<typeof AccountPatch>;

export const ACCOUNT_SORTS = ['name', 'createdAt', 'updatedAt', 'industry'] as const;
export const AccountListQuery = ListQuery(ACCOUNT_SORTS, {
  ownerId: Type.Optional(Id),
  industry: Type.Optional(Type.String({ maxLength: 100 })),
});
export type AccountListQuery = Static<typeof AccountListQuery>;
