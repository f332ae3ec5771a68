// Accounts from CSV: matched by Furrow id, external id, domain or name; created or updated
// through the accounts service, so history and permissions are the same as in the app.
import type { AccountPatch } from '../../../api/accounts.js';
import { SHARED_ACCOUNTS_READABLE } from '../../identity/policy.js';
import { ownerScope, scopeIncludes } from '../../identity/visibility.js';
import { createAccount, updateAccountById } from '../accounts.service.js';
import type { CustomValue } from '../custom-values.js';
import { type AccountRow, findAccountsForImport } from './import.repo.js';
import { atTime, customPatch, lower, type PlannedRow, type Planner, RowReader } from './import-row.js';

interface Candidate {
  reader: RowReader;
  id: string | undefined;
  name: string;
  domain: string | undefined;
  industry: string | undefined;
  size: number | undefined;
  country: string | undefined;
  ownerId: string | null;
  shared: boolean | undefined;
  externalId: string | undefined;
  createdAt: number | undefined;
  custom: Record<string, CustomValue>;
}

/** "https://www.Acme.com/about" → "acme.com": what the accounts service stores, minus "www.". */
export function normaliseDomain(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const domain = text
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/^www\./, '');
  return domain || undefined;
}

function read(reader: RowReader): Candidate | null {
  const c: Candidate = {
    reader,
    id: reader.text('id', 64),
    name: reader.required('name', 'Name', 200) ?? '',
    domain: normaliseDomain(reader.text('domain', 200)),
    industry: reader.text('industry', 100),
    size: reader.integer('size', 0, 10_000_000),
    country: reader.text('country', 100),
    ownerId: reader.owner() ?? null,
    shared: reader.boolean('shared'),
    externalId: reader.text('externalId', 200),
    createdAt: reader.instant('createdAt'),
    custom: reader.customValues(),
  };
  return reader.valid ? c : null;
}

/** The fields the row would change; blank cells leave existing values alone. */
function patchOf(c: Candidate, row: AccountRow): Omit<AccountPatch, 'version'> {
  const patch: Omit<AccountPatch, 'version'> = {};
  if (c.name !== row.name) patch.name = c.name;
  if (c.domain !== undefined && c.domain !== row.domain) patch.domain = c.domain;
  if (c.industry !== undefined && c.industry !== row.industry) patch.industry = c.industry;
  if (c.size !== undefined && c.size !== row.size) patch.size = c.size;
  if (c.country !== undefined && c.country !== row.country) patch.country = c.country;
  if (c.ownerId !== null && c.ownerId !== row.owner_id) patch.ownerId = c.ownerId;
  if (c.shared !== undefined && (c.shared ? 1 : 0) !== row.shared) patch.shared = c.shared;
  if (c.externalId !== undefined && c.externalId !== row.external_id) patch.externalId = c.externalId;
  const custom = customPatch(c.custom, row.custom);
  if (custom) patch.custom = custom;
  return patch;
}

export const planAccounts: Planner = async (env, rows, progress) => {
  const { ctx } = env;
  const candidates: Candidate[] = [];
  for (const [i, row] of rows.entries()) {
    const c = read(new RowReader(env, row));
    if (c) candidates.push(c);
    await progress(i + 1);
  }

  const readScope = await ownerScope(ctx, 'accounts', 'read');
  const updateScope = await ownerScope(ctx, 'accounts', 'update');
  const existing = await findAccountsForImport(ctx.db, ctx.actor.workspaceId, readScope, SHARED_ACCOUNTS_READABLE.includes(ctx.actor.role), {
    id: candidates.flatMap((c) => (c.id ? [c.id] : [])),
    external: candidates.flatMap((c) => (c.externalId ? [c.externalId] : [])),
    domain: candidates.flatMap((c) => (c.domain ? [c.domain] : [])),
    name: candidates.map((c) => lower(c.name)),
  });
  const index = (key: (a: AccountRow) => string | null) => {
    const map = new Map<string, AccountRow[]>();
    for (const a of existing) {
      const k = key(a);
      if (k !== null) map.set(k, [...(map.get(k) ?? []), a]);
    }
    return map;
  };
  const byId = index((a) => a.id);
  const byExternal = index((a) => a.external_id);
  const byDomain = index((a) => a.domain);
  const byName = index((a) => lower(a.name));

  const { seen } = env;
  const planned: PlannedRow[] = [];
  for (const c of candidates) {
    await env.pause();
    // A natural-key match may not steal a record that another system already identifies.
    const compatible = (rows: AccountRow[] | undefined) => (rows ?? []).filter((a) => !c.externalId || !a.external_id || a.external_id === c.externalId);
    let match: AccountRow | undefined = (c.id && byId.get(c.id)?.[0]) || (c.externalId && byExternal.get(c.externalId)?.[0]) || undefined;
    if (!match && c.domain) match = compatible(byDomain.get(c.domain))[0];
    if (!match) {
      const named = compatible(byName.get(lower(c.name)));
      if (named.length > 1) {
        c.reader.error('name', `matches ${named.length} accounts named "${c.name}"; add a Domain or External ID column to tell them apart`);
        continue;
      }
      match = named[0];
    }
    const own = c.externalId ? `ext:${c.externalId}` : c.domain ? `domain:${c.domain}` : `name:${lower(c.name)}`;
    if (!seen.check(c.reader, match ? [`id:${match.id}`, own] : own, match ? 'account' : c.externalId ? 'external id' : c.domain ? 'domain' : 'name')) continue;

    if (!match) {
      planned.push({
        line: c.reader.line,
        action: 'create',
        write: async (tx) => {
          await createAccount(
            c.createdAt !== undefined ? atTime(tx, c.createdAt) : tx,
            {
              name: c.name,
              ...(c.domain !== undefined && { domain: c.domain }),
              ...(c.industry !== undefined && { industry: c.industry }),
              ...(c.size !== undefined && { size: c.size }),
              ...(c.country !== undefined && { country: c.country }),
              ...(c.ownerId !== null && { ownerId: c.ownerId }),
              ...(c.shared !== undefined && { shared: c.shared }),
              ...(c.externalId !== undefined && { externalId: c.externalId }),
              ...(Object.keys(c.custom).length > 0 && { custom: c.custom }),
            },
            'import',
          );
        },
      });
      continue;
    }
    const patch = patchOf(c, match);
    if (Object.keys(patch).length === 0) {
      planned.push({ line: c.reader.line, action: 'unchanged' });
      continue;
    }
    if (!scopeIncludes(updateScope, match.owner_id)) {
      c.reader.error(null, `matches account "${match.name}" of ${env.users.describe(match.owner_id)}, which you cannot change`);
      continue;
    }
    const target = match;
    planned.push({
      line: c.reader.line,
      action: 'update',
      write: async (tx) => {
        await updateAccountById(tx, target.id, { version: target.version, ...patch }, 'import');
      },
    });
  }
  return planned;
};
