// The demo's converted leads (issue 12): a sales-qualified lead becomes an opportunity when its rep
// opens a deal for it. The demo's deals are simulated first (with their own history and outcomes),
// so a qualified lead is linked to the deal its rep opened for a marketing-sourced buyer in the
// following three weeks — the same link the convert action writes (lead converted, its deal, the
// matched account and contact, the sql → converted transition) — and the funnel reaches
// opportunity and won from the deals' real outcomes. Deterministic for a workspace.
import type { Insertable, Kysely } from 'kysely';
import type { LeadTransitionsTable } from '../../db/schema/alignment.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { hash32, stringSeed } from './random.js';

const DAY = 86_400_000;
/** The demo deal source a lead source's buyers arrive under (deal-plan.ts sources). */
const DEAL_SOURCE: Record<string, string> = { 'Website form': 'Inbound', 'Paid search': 'Inbound', Events: 'Event', 'Partner referral': 'Partner' };
/** Share of qualified leads that become opportunities (the rest are still being worked, or stall). */
const CONVERTED_SHARE = 0.7;

export async function convertDemoLeads(db: Kysely<DB>, input: { workspaceId: string; now: number }): Promise<number> {
  const ws = input.workspaceId;
  const leads = await db
    .selectFrom('leads')
    .select(['id', 'email', 'owner_id', 'sql_at', 'source', 'agreement_id'])
    .where('workspace_id', '=', ws)
    .where('status', '=', 'sql')
    .orderBy('sql_at')
    .orderBy('id')
    .execute();
  const deals = await db
    .selectFrom('deals')
    .select(['id', 'owner_id', 'created_at', 'account_id', 'contact_id', 'source'])
    .where('workspace_id', '=', ws)
    .where('deleted_at', 'is', null)
    .where('created_at', '>=', input.now - 400 * DAY)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const taken = new Set<string>();
  const transitions: Insertable<LeadTransitionsTable>[] = [];
  let n = 0;
  for (const lead of leads) {
    const sqlAt = Number(lead.sql_at);
    // Drawn from the lead's address (made from the day and slot it arrived in), not its random id.
    if (hash32(stringSeed(ws), stringSeed(lead.email ?? ''), 0x1ead) / 2 ** 32 >= CONVERTED_SHARE) continue;
    const deal = deals.find(
      (d) =>
        !taken.has(d.id) &&
        d.owner_id === lead.owner_id &&
        d.source === DEAL_SOURCE[lead.source ?? ''] &&
        Number(d.created_at) >= sqlAt &&
        Number(d.created_at) <= sqlAt + 21 * DAY,
    );
    if (!deal) continue;
    taken.add(deal.id);
    const at = Number(deal.created_at);
    await db
      .updateTable('leads')
      .set({
        status: 'converted',
        converted_at: at,
        deal_id: deal.id,
        matched_account_id: deal.account_id,
        matched_contact_id: deal.contact_id,
        updated_at: at,
      })
      .where('id', '=', lead.id)
      .execute();
    transitions.push({
      id: newId(),
      workspace_id: ws,
      lead_id: lead.id,
      from_status: 'sql',
      to_status: 'converted',
      actor_id: lead.owner_id,
      owner_id: lead.owner_id,
      reason: null,
      agreement_id: lead.agreement_id,
      at,
    });
    n++;
  }
  for (let i = 0; i < transitions.length; i += 300)
    await db
      .insertInto('lead_transitions')
      .values(transitions.slice(i, i + 300))
      .execute();
  return n;
}
