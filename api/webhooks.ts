// Outgoing webhooks: endpoints an admin registers and the log of what was delivered to them.
import { type Static, Type } from 'typebox';
import { Id, Instant, MAX_PAGE_SIZE, NullableInstant, Version } from './common.js';

/** The catalogue of outgoing webhook events; a capability that emits a new one adds it here. */
export const WEBHOOK_EVENT_NAMES = [
  'deal.created',
  'deal.updated',
  'deal.stage_changed',
  'deal.won',
  'deal.lost',
  'deal.deleted',
  'account.created',
  'account.updated',
  'account.deleted',
  'contact.created',
  'contact.updated',
  'contact.deleted',
  'activity.created',
  'activity.updated',
  'activity.deleted',
  'lead.created',
  'lead.updated',
  'lead.status_changed',
  'lead.deleted',
] as const;

export type WebhookEventName = (typeof WEBHOOK_EVENT_NAMES)[number];
export const WebhookEventName = Type.Unsafe<WebhookEventName>(
  Type.Union(
    WEBHOOK_EVENT_NAMES.map((e) => Type.Literal(e)),
    { description: 'An event type' },
  ),
);

export const WebhookEndpoint = Type.Object({
  id: Id,
  url: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  events: Type.Array(Type.String()),
  createdAt: Instant,
  revokedAt: NullableInstant,
  version: Type.Integer(),
});
export type WebhookEndpoint = Static<typeof WebhookEndpoint>;

export const WebhookEndpointCreate = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2000, description: 'http(s) URL; must resolve to a public address unless WEBHOOK_ALLOW_PRIVATE=true' }),
    description: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    events: Type.Array(WebhookEventName, { minItems: 1, maxItems: 50, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type WebhookEndpointCreate = Static<typeof WebhookEndpointCreate>;

export const WebhookEndpointCreated = Type.Object({
  endpoint: WebhookEndpoint,
  secret: Type.String({ description: 'whsec_… signing secret. Shown once: store it in the receiver now.' }),
});
export type WebhookEndpointCreated = Static<typeof WebhookEndpointCreated>;

export const WebhookRevoke = Type.Object({ version: Version }, { additionalProperties: false });

export const WebhookDelivery = Type.Object({
  id: Id,
  endpointId: Id,
  eventType: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('succeeded'), Type.Literal('failed')]),
  attempts: Type.Integer(),
  responseCode: Type.Union([Type.Integer(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  nextAttemptAt: NullableInstant,
  createdAt: Instant,
  deliveredAt: NullableInstant,
});
export type WebhookDelivery = Static<typeof WebhookDelivery>;

export const WebhookDeliveryQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
  },
  { additionalProperties: false },
);
export type WebhookDeliveryQuery = Static<typeof WebhookDeliveryQuery>;

export const WebhookDeliveryPage = Type.Object({ items: Type.Array(WebhookDelivery), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type WebhookDeliveryPage = Static<typeof WebhookDeliveryPage>;
