// The one check for every record a write links to. A linked id the caller cannot see answers
// exactly like an id that does not exist (same status, code, field and message), so a write can
// never be used to learn that a record exists, nor to attach work to someone else's record.
// Which fields reference what is the policy table's WRITE_REFERENCES; a field missing there is a
// programming error, not a request error.
import type { Ctx } from '../context.js';
import { AppError, type FieldProblem, invalidField, invalidInput } from '../errors.js';
import { type Resource, SHARED_ACCOUNTS_READABLE, WRITE_REFERENCES } from '../identity/policy.js';
import { assertAssignableOwner, ownerScopeOrNull } from '../identity/visibility.js';
import { findAccount } from './accounts.repo.js';
import { findActivity, findVisibleDealLinks } from './activities.repo.js';
import { findContact } from './contacts.repo.js';

/** What a resolved link brings along: a contact its account, a deal its account and contact. */
export interface Linked {
  id: string;
  accountId: string | null;
  contactId: string | null;
}

export const NOT_VISIBLE = {
  accounts: 'no account with this id that you can see',
  contacts: 'no contact with this id that you can see',
  deals: 'no deal with this id that you can see',
  activities: 'no activity with this id that you can see',
} as const;

const readsShared = (ctx: Ctx) => SHARED_ACCOUNTS_READABLE.includes(ctx.actor.role);

async function resolve(ctx: Ctx, resource: Resource, field: string, id: string): Promise<Linked | null> {
  const target = WRITE_REFERENCES[resource][field];
  switch (target) {
    case undefined:
      throw new Error(`${resource}.${field} is not declared in WRITE_REFERENCES`);
    case 'workspace':
      return null;
    case 'users':
      await assertAssignableOwner(ctx, resource, id, field);
      return null;
    case 'accounts': {
      const scope = await ownerScopeOrNull(ctx, 'accounts', 'read');
      const reader = scope && { scope, includeShared: readsShared(ctx), dealScope: null };
      if (!reader || !(await findAccount(ctx.db, ctx.actor.workspaceId, reader, id))) throw invalidField(field, NOT_VISIBLE.accounts);
      return { id, accountId: id, contactId: null };
    }
    case 'contacts': {
      const scope = await ownerScopeOrNull(ctx, 'contacts', 'read');
      const contact = scope && (await findContact(ctx.db, ctx.actor.workspaceId, scope, readsShared(ctx), id));
      if (!contact) throw invalidField(field, NOT_VISIBLE.contacts);
      return { id, accountId: contact.accountId, contactId: id };
    }
    case 'deals': {
      const scope = await ownerScopeOrNull(ctx, 'deals', 'read');
      const deal = scope && (await findVisibleDealLinks(ctx.db, ctx.actor.workspaceId, scope, id));
      if (!deal) throw invalidField(field, NOT_VISIBLE.deals);
      return { id, accountId: deal.account_id, contactId: deal.contact_id };
    }
    case 'activities': {
      const scope = await ownerScopeOrNull(ctx, 'activities', 'read');
      const activity = scope && (await findActivity(ctx.db, ctx.actor.workspaceId, scope, null, id));
      if (!activity) throw invalidField(field, NOT_VISIBLE.activities);
      return { id, accountId: activity.accountId, contactId: activity.contactId };
    }
    default:
      throw new Error(`${resource}.${field}: no check for references to ${target}`);
  }
}

/**
 * Checks every reference of a create or update against the caller's visibility and returns what
 * each resolved link brings. A reference equal to the stored one is not re-checked: a record keeps
 * a link that has since left the caller's reach. All problems come back in one 400.
 */
export async function checkReferences(
  ctx: Ctx,
  resource: Resource,
  values: Readonly<Record<string, string | null | undefined>>,
  current: Readonly<Record<string, string | null>> = {},
): Promise<Record<string, Linked | undefined>> {
  const found: Record<string, Linked | undefined> = {};
  const problems: FieldProblem[] = [];
  for (const [field, id] of Object.entries(values)) {
    if (id === undefined || id === null || id === current[field]) continue;
    try {
      found[field] = (await resolve(ctx, resource, field, id)) ?? undefined;
    } catch (error) {
      const fields = error instanceof AppError && error.code === 'invalid_input' ? (error.details as { fields?: FieldProblem[] })?.fields : undefined;
      if (!fields) throw error;
      problems.push(...fields);
    }
  }
  if (problems.length > 0) throw invalidInput(problems);
  return found;
}
