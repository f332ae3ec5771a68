// The outgoing webhook events are the API contract's catalogue (api/webhooks.ts); the server adds the
// type guard it checks subscriptions with.
import { WEBHOOK_EVENT_NAMES } from '../../api/webhooks.js';

export const WEBHOOK_EVENTS = WEBHOOK_EVENT_NAMES;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
