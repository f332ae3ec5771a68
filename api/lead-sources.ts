import { type Static, Type } from 'typebox';
import { Id, Instant, NonEmpty } from './common.js';

export const LeadSource = Type.Object({
  id: Id,
  name: Type.String(),
  webhookUrl: Type.String({ description: 'Where the form tool posts, signed with the source secret' }),
  createdAt: Instant,
  version: Type.Integer(),
});
export type LeadSource = Static<typeof LeadSource>;

/** Returned once, on create and on rotate: the secret is never shown again. */
export const LeadSourceWithSecret = Type.Intersect([LeadSource, Type.Object({ secret: Type.String({ description: 'whsec_… (Standard Webhooks format)' }) })]);
export type LeadSourceWithSecret = Static<typeof LeadSourceWithSecret>;

export const LeadSourceCreate = Type.Object({ name: NonEmpty(100) }, { additionalProperties: false });
export type LeadSourceCreate = Static<typeof LeadSourceCreate>;

export const LeadSourceList = Type.Object({ items: Type.Array(LeadSource) });

export const WebhookAck = Type.Object({ received: Type.Literal(true), leadId: Id, duplicateDelivery: Type.Boolean() });
