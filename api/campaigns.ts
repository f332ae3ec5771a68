import { type Static, Type } from 'typebox';
import { AmountMinor, CalendarDate, Currency, Id, Instant, NonEmpty, NullableId, OptionalText, Version } from './common.js';

export const CampaignChannel = Type.Union([
  Type.Literal('email'),
  Type.Literal('paid_search'),
  Type.Literal('social'),
  Type.Literal('webinar'),
  Type.Literal('event'),
  Type.Literal('content'),
  Type.Literal('referral'),
  Type.Literal('other'),
]);

export const FollowUpTouch = Type.Object(
  {
    day: Type.Integer({ minimum: 0, maximum: 365, description: 'Business day after routing' }),
    type: Type.Union([Type.Literal('call'), Type.Literal('email'), Type.Literal('meeting'), Type.Literal('task')]),
    note: OptionalText(300),
  },
  { additionalProperties: false },
);

/** What sales does with the campaign's leads. */
export const FollowUpPlan = Type.Object(
  { touches: Type.Array(FollowUpTouch, { maxItems: 30 }), ownerTeamId: NullableId, note: OptionalText(1000) },
  { additionalProperties: false },
);
export type FollowUpPlan = Static<typeof FollowUpPlan>;

export const Campaign = Type.Object({
  id: Id,
  name: Type.String(),
  channel: CampaignChannel,
  startsOn: CalendarDate,
  endsOn: Type.Union([CalendarDate, Type.Null()]),
  budget: Type.Union([AmountMinor, Type.Null()]),
  currency: Currency,
  followUp: FollowUpPlan,
  leads: Type.Integer({ description: 'Leads carrying this campaign' }),
  createdAt: Instant,
  updatedAt: Instant,
  version: Type.Integer(),
});
export type Campaign = Static<typeof Campaign>;

export const CampaignCreate = Type.Object(
  {
    name: NonEmpty(200),
    channel: CampaignChannel,
    startsOn: CalendarDate,
    endsOn: Type.Optional(Type.Union([CalendarDate, Type.Null()])),
    budget: Type.Optional(Type.Union([AmountMinor, Type.Null()])),
    currency: Type.Optional(Currency),
    followUp: Type.Optional(FollowUpPlan),
  },
  { additionalProperties: false },
);
export type CampaignCreate = Static<typeof CampaignCreate>;

export const CampaignPatch = Type.Object(
  {
    version: Version,
    name: Type.Optional(NonEmpty(200)),
    channel: Type.Optional(CampaignChannel),
    startsOn: Type.Optional(CalendarDate),
    endsOn: Type.Optional(Type.Union([CalendarDate, Type.Null()])),
    budget: Type.Optional(Type.Union([AmountMinor, Type.Null()])),
    currency: Type.Optional(Currency),
    followUp: Type.Optional(FollowUpPlan),
  },
  { additionalProperties: false },
);
export type CampaignPatch = Static<typeof CampaignPatch>;

export const CampaignList = Type.Object({ items: Type.Array(Campaign) });
