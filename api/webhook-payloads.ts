// What each outgoing webhook event carries: the body Furrow POSTs, for the OpenAPI document's
// `webhooks` section. `data` is the record as the API returns it; a deletion carries its id only.
import { type TSchema, Type } from 'typebox';
import { Account } from './accounts.js';
import { Activity } from './activities.js';
import { Id, Instant } from './common.js';
import { Contact } from './contacts.js';
import { Deal } from './deals.js';
import { Lead } from './leads.js';
import type { WebhookEventName } from './webhooks.js';

const RECORDS: Record<string, TSchema> = { deal: Deal, account: Account, contact: Contact, activity: Activity, lead: Lead };

export function webhookPayload(event: WebhookEventName): TSchema {
  const [record, what] = event.split('.') as [string, string];
  const data = what === 'deleted' ? Type.Object({ id: Id }) : RECORDS[record];
  if (!data) throw new Error(`webhook event ${event} names no record schema`);
  return Type.Object({ type: Type.Literal(event), timestamp: Instant, data });
}
