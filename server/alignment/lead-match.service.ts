// What an arriving lead (API, webhook, import) is matched against, besides an open lead with its
// email (intake merges into that one). A contact with its email is the person; otherwise its
// company domain finds the company: an account with the domain, else a contact at the domain (a
// converted lead left one, so its colleagues find the account it became). A domain match
// links the account and never merges: two people of one company are two leads, and the lead API
// says which other lead is of the same company (`sameCompanyLeadId`, leads.repo.ts#views).
import type { Ctx } from '../context.js';
import { companyDomain } from './company-domain.js';
import { findAccountByContactDomain, findAccountByDomain, findContactByEmail } from './leads.repo.js';

export interface CompanyMatch {
  domain: string | null;
  contactId: string | null;
  accountId: string | null;
}

export async function matchCompany(ctx: Ctx, email: string | null, givenDomain: string | null | undefined): Promise<CompanyMatch> {
  const workspaceId = ctx.actor.workspaceId;
  const domain = companyDomain(email, givenDomain);
  const contact = email ? await findContactByEmail(ctx.db, workspaceId, email) : undefined;
  if (contact?.account_id) return { domain, contactId: contact.id, accountId: contact.account_id };
  const account = domain
    ? ((await findAccountByDomain(ctx.db, workspaceId, domain)) ?? (await findAccountByContactDomain(ctx.db, workspaceId, domain)))
    : undefined;
  return { domain, contactId: contact?.id ?? null, accountId: account?.id ?? null };
}
