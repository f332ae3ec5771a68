// The catalogue of outgoing webhook events: one typed list. A capability that emits a new event
// (leads, later) adds its names here; the API schema, the Settings picker and the docs read it.

export const WEBHOOK_EVENTS = [
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
] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const isWebhookEvent = (value: string): value is WebhookEvent => (WEBHOOK_EVENTS as readonly string[]).includes(value);
