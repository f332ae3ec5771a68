// Converting an SQL: account, contact and deal are created through their own services (the deal
// through the normal deal-creation path, carrying the lead's source and campaign), and the lead is
// marked converted, all in one transaction.
import type { LeadConversion, LeadConvert } from '../../api/leads.js';
import { type Ctx, inTransaction } from '../context.js';
import { createAccount } from '../crm/accounts.service.js';
import { createContact } from '../crm/contacts.service.js';
import { createDeal } from '../crm/deals.service.js';
import { checkReferences } from '../crm/references.service.js';
import { ruleViolation } from '../errors.js';
import { findCampaignRow } from './campaigns.repo.js';
import { getLead, leadForWrite, moveLead } from './leads.service.js';

const readable = async (check: () => Promise<unknown>) => {
  try {
    await check();
    return true;
  } catch {
    return false;
  }
};

export async function convertLead(ctx: Ctx, id: string, input: LeadConvert): Promise<LeadConversion> {
  return inTransaction(ctx, async (tx) => {
    const row = await leadForWrite(tx, id);
    if (row.status !== 'sql') throw ruleViolation(`Only a sales-qualified lead (SQL) is converted; this one is ${row.status}`);
    if (!row.owner_id) throw ruleViolation('Nobody owns this lead yet: assign it first');
    const ownerId = row.owner_id;
    const companyName = row.company ?? row.domain ?? row.email ?? `${row.first_name ?? ''} ${row.last_name ?? ''}`.trim();

    let accountId = input.accountId ?? null;
    // The deal's links, checked as the deal's own create would (an invisible account answers like a missing one).
    if (accountId) await checkReferences(tx, 'deals', { accountId });
    else if (row.matched_account_id && (await readable(() => checkReferences(tx, 'deals', { accountId: row.matched_account_id }))))
      accountId = row.matched_account_id;
    if (!accountId) {
      const account = await createAccount(
        tx,
        { name: companyName || 'Unnamed company', domain: row.domain, industry: row.industry, size: row.company_size, country: row.country, ownerId },
        'lead',
      );
      accountId = account.id;
    }

    let contactId: string | null = null;
    if (row.matched_contact_id && (await readable(() => checkReferences(tx, 'deals', { contactId: row.matched_contact_id }))))
      contactId = row.matched_contact_id;
    if (!contactId) {
      const local = row.email?.split('@')[0] ?? '';
      const contact = await createContact(
        tx,
        {
          firstName: row.first_name ?? (local || 'Unknown'),
          lastName: row.last_name ?? '—',
          email: row.email,
          title: row.title,
          accountId,
          ownerId,
        },
        'lead',
      );
      contactId = contact.id;
    }

    const campaign = row.campaign_id ? await findCampaignRow(tx.db, ctx.actor.workspaceId, row.campaign_id) : undefined;
    const deal = await createDeal(
      tx,
      {
        name: input.dealName ?? `${companyName || 'New deal'} — ${row.source}`,
        accountId,
        contactId,
        ownerId,
        pipelineId: input.pipelineId,
        amount: input.amount,
        closeDate: input.closeDate,
        source: row.source,
        campaign: campaign?.name ?? null,
      },
      'api',
    );
    await moveLead(tx, row, input.version, {
      to: 'converted',
      changes: { converted_at: tx.now(), deal_id: deal.id, matched_account_id: accountId, matched_contact_id: contactId },
    });
    return { lead: await getLead(tx, id), accountId, contactId, dealId: deal.id };
  });
}
