// Contacts from CSV: matched by Furrow id, external id, email, or (without an email) by name at
// the same account; linked to accounts by id, external id or name; written through the contacts
// service.
import type { ContactPatch } from '../../../api/contacts.js';
import { SHARED_ACCOUNTS_READABLE } from '../../identity/policy.js';
import { ownerScope, scopeIncludes } from '../../identity/visibility.js';
import { createContact, updateContactById } from '../contacts.service.js';
import type { CustomValue } from '../custom-values.js';
import { type ContactRow, findContactsForImport } from './import.repo.js';
import { AccountLinks, type LinkRef } from './import-links.service.js';
import { atTime, customPatch, lower, type PlannedRow, type Planner, RowReader } from './import-row.js';

interface Candidate {
  reader: RowReader;
  id: string | undefined;
  firstName: string;
  lastName: string;
  email: string | undefined;
  phone: string | undefined;
  title: string | undefined;
  account: LinkRef;
  ownerId: string | null;
  externalId: string | undefined;
  createdAt: number | undefined;
  custom: Record<string, CustomValue>;
}

/** "Ada Lovelace" → [Ada, Lovelace]; "Lovelace, Ada" → [Ada, Lovelace]; "Ada King Lovelace" → [Ada King, Lovelace]. */
export function splitFullName(full: string): [string, string] | null {
  const text = full.trim().replace(/\s+/g, ' ');
  if (text.includes(',')) {
    const [last, first] = text.split(',', 2).map((p) => p.trim()) as [string, string];
    return first && last ? [first, last] : null;
  }
  const at = text.lastIndexOf(' ');
  return at > 0 ? [text.slice(0, at), text.slice(at + 1)] : null;
}

function read(reader: RowReader): Candidate {
  let firstName = reader.text('firstName', 100);
  let lastName = reader.text('lastName', 100);
  const full = reader.text('fullName', 201);
  if ((!firstName || !lastName) && full) {
    const split = splitFullName(full);
    firstName ??= split?.[0];
    lastName ??= split?.[1];
  }
  if (!firstName || !lastName) {
    const which = !firstName && !lastName ? 'a first and a last name' : !firstName ? 'a first name' : 'a last name';
    reader.error(reader.has('fullName') ? 'fullName' : !firstName ? 'firstName' : 'lastName', `a contact needs ${which}`);
  }
  return {
    reader,
    id: reader.text('id', 64),
    firstName: firstName ?? '',
    lastName: lastName ?? '',
    email: reader.email('email'),
    phone: reader.text('phone', 50),
    title: reader.text('title', 120),
    account: { id: reader.text('accountId'), externalId: reader.text('accountExternalId'), text: reader.text('account') },
    ownerId: reader.owner() ?? null,
    externalId: reader.text('externalId', 200),
    createdAt: reader.instant('createdAt'),
    custom: reader.customValues(),
  };
}

function patchOf(c: Candidate, accountId: string | null, row: ContactRow): Omit<ContactPatch, 'version'> {
  const patch: Omit<ContactPatch, 'version'> = {};
  if (c.firstName !== row.first_name) patch.firstName = c.firstName;
  if (c.lastName !== row.last_name) patch.lastName = c.lastName;
  if (c.email !== undefined && c.email !== row.email) patch.email = c.email;
  if (c.phone !== undefined && c.phone !== row.phone) patch.phone = c.phone;
  if (c.title !== undefined && c.title !== row.title) patch.title = c.title;
  if (accountId !== null && accountId !== row.account_id) patch.accountId = accountId;
  if (c.ownerId !== null && c.ownerId !== row.owner_id) patch.ownerId = c.ownerId;
  if (c.externalId !== undefined && c.externalId !== row.external_id) patch.externalId = c.externalId;
  const custom = customPatch(c.custom, row.custom);
  if (custom) patch.custom = custom;
  return patch;
}

const fullName = (first: string, last: string) => lower(`${first} ${last}`);

export const planContacts: Planner = async (env, rows, progress) => {
  const { ctx } = env;
  const candidates: Candidate[] = [];
  for (const [i, row] of rows.entries()) {
    candidates.push(read(new RowReader(env, row)));
    await progress(i + 1);
  }

  const accounts = await AccountLinks.load(
    ctx,
    candidates.map((c) => c.account),
  );
  const readScope = await ownerScope(ctx, 'contacts', 'read');
  const updateScope = await ownerScope(ctx, 'contacts', 'update');
  const existing = await findContactsForImport(ctx.db, ctx.actor.workspaceId, readScope, SHARED_ACCOUNTS_READABLE.includes(ctx.actor.role), {
    id: candidates.flatMap((c) => (c.id ? [c.id] : [])),
    external: candidates.flatMap((c) => (c.externalId ? [c.externalId] : [])),
    email: candidates.flatMap((c) => (c.email ? [c.email] : [])),
    fullName: candidates.flatMap((c) => (c.email || !c.lastName ? [] : [fullName(c.firstName, c.lastName)])),
  });
  const byId = new Map(existing.map((x) => [x.id, x]));
  const byExternal = new Map(existing.filter((x) => x.external_id).map((x) => [x.external_id as string, x]));

  const { seen } = env;
  const planned: PlannedRow[] = [];
  for (const c of candidates) {
    await env.pause();
    const r = c.reader;
    const accountId = accounts.resolve(r, c.account);
    if (!r.valid || accountId === undefined) continue;
    const compatible = (x: ContactRow) => !c.externalId || !x.external_id || x.external_id === c.externalId;
    let match = (c.id && byId.get(c.id)) || (c.externalId && byExternal.get(c.externalId)) || undefined;
    if (!match) {
      // Email identifies a person; without one, the same name at the same account does.
      const candidatesOf = c.email
        ? existing.filter((x) => x.email !== null && lower(x.email) === c.email && compatible(x))
        : existing.filter((x) => fullName(x.first_name, x.last_name) === fullName(c.firstName, c.lastName) && x.account_id === accountId && compatible(x));
      if (candidatesOf.length > 1) {
        r.error(c.email ? 'email' : 'lastName', `matches ${candidatesOf.length} contacts; add an External ID column to tell them apart`);
        continue;
      }
      match = candidatesOf[0];
    }
    const own = c.externalId ? `ext:${c.externalId}` : c.email ? `email:${c.email}` : `name:${fullName(c.firstName, c.lastName)}|${accountId ?? ''}`;
    if (!seen.check(r, match ? [`id:${match.id}`, own] : own, match ? 'contact' : c.externalId ? 'external id' : c.email ? 'email' : 'name and account'))
      continue;

    if (!match) {
      planned.push({
        line: r.line,
        action: 'create',
        write: async (tx) => {
          await createContact(
            c.createdAt !== undefined ? atTime(tx, c.createdAt) : tx,
            {
              firstName: c.firstName,
              lastName: c.lastName,
              ...(accountId !== null && { accountId }),
              ...(c.email !== undefined && { email: c.email }),
              ...(c.phone !== undefined && { phone: c.phone }),
              ...(c.title !== undefined && { title: c.title }),
              ...(c.ownerId !== null && { ownerId: c.ownerId }),
              ...(c.externalId !== undefined && { externalId: c.externalId }),
              ...(Object.keys(c.custom).length > 0 && { custom: c.custom }),
            },
            'import',
          );
        },
      });
      continue;
    }
    const patch = patchOf(c, accountId, match);
    if (Object.keys(patch).length === 0) {
      planned.push({ line: r.line, action: 'unchanged' });
      continue;
    }
    if (!scopeIncludes(updateScope, match.owner_id)) {
      r.error(null, `matches contact ${match.first_name} ${match.last_name} of ${env.users.describe(match.owner_id)}, which you cannot change`);
      continue;
    }
    const target = match;
    planned.push({
      line: r.line,
      action: 'update',
      write: async (tx) => {
        await updateContactById(tx, target.id, { version: target.version, ...patch }, 'import');
      },
    });
  }
  return planned;
};
