// Links from an imported row to records that already exist: an account, contact or deal named by
// Furrow id, by external id or by name (or a contact by email). Loaded in batches for the whole
// file, resolved per row; a link that finds nothing or several records is that row's error.
import type { Ctx } from '../../context.js';
import { SHARED_ACCOUNTS_READABLE } from '../../identity/policy.js';
import { ownerScopeOrNull } from '../../identity/visibility.js';
import { type AccountRow, type ContactRow, type DealRow, findAccountsForImport, findContactsForImport, findDealsForImport } from './import.repo.js';
import { lower, type RowReader } from './import-row.js';

export interface LinkRef {
  id?: string | undefined;
  externalId?: string | undefined;
  /** A name, or for contacts a name or an email address. */
  text?: string | undefined;
}

const given = (ref: LinkRef) => ref.id !== undefined || ref.externalId !== undefined || ref.text !== undefined;

function group<R>(rows: readonly R[], key: (r: R) => string | null): Map<string, R[]> {
  const map = new Map<string, R[]>();
  for (const r of rows) {
    const k = key(r);
    if (k !== null) map.set(k, [...(map.get(k) ?? []), r]);
  }
  return map;
}

abstract class Links<R extends { id: string }> {
  protected byId = new Map<string, R[]>();
  protected byExternal = new Map<string, R[]>();
  protected byText = new Map<string, R[]>();

  protected abstract readonly what: string;
  protected abstract readonly field: string;
  protected abstract textKey(text: string): string;
  protected abstract hint: string;

  protected index(rows: readonly R[], external: (r: R) => string | null, texts: (r: R) => string[]): void {
    this.byId = group(rows, (r) => r.id);
    this.byExternal = group(rows, external);
    const byText = new Map<string, R[]>();
    for (const r of rows) for (const t of texts(r)) byText.set(t, [...(byText.get(t) ?? []), r]);
    this.byText = byText;
  }

  /**
   * The linked record's id; null when the row names none; undefined (with an error) when the
   * row names one that cannot be found. A Furrow id from another workspace falls back to the
   * external id or name, so a file exported elsewhere still links.
   */
  resolve(reader: RowReader, ref: LinkRef): string | null | undefined {
    if (!given(ref)) return null;
    const hit = (ref.id && this.byId.get(ref.id)) || (ref.externalId && this.byExternal.get(ref.externalId)) || undefined;
    if (hit?.[0]) return hit[0].id;
    if (ref.text !== undefined) {
      const named = this.byText.get(this.textKey(ref.text)) ?? [];
      if (named.length === 1) return (named[0] as R).id;
      if (named.length > 1) return reader.error(this.field, `"${ref.text}" matches ${named.length} ${this.what}s; ${this.hint}`);
    }
    const described = ref.text ?? ref.externalId ?? ref.id;
    return reader.error(this.field, `no ${this.what} "${described}" that you can see; import ${this.what}s first or check the spelling`);
  }
}

export class AccountLinks extends Links<AccountRow> {
  protected readonly what = 'account';
  protected readonly field = 'account';
  protected readonly hint = 'link by Account External ID instead';
  protected textKey = lower;

  static async load(ctx: Ctx, refs: readonly LinkRef[]): Promise<AccountLinks> {
    const links = new AccountLinks();
    const scope = await ownerScopeOrNull(ctx, 'accounts', 'read');
    if (!scope) return links;
    const rows = await findAccountsForImport(ctx.db, ctx.actor.workspaceId, scope, SHARED_ACCOUNTS_READABLE.includes(ctx.actor.role), {
      id: refs.flatMap((r) => (r.id ? [r.id] : [])),
      external: refs.flatMap((r) => (r.externalId ? [r.externalId] : [])),
      name: refs.flatMap((r) => (r.text ? [lower(r.text)] : [])),
    });
    links.index(
      rows,
      (a) => a.external_id,
      (a) => [lower(a.name)],
    );
    return links;
  }
}

export class ContactLinks extends Links<ContactRow> {
  protected readonly what = 'contact';
  protected readonly field = 'contact';
  protected readonly hint = 'link by the contact’s email instead';
  protected textKey = lower;

  static async load(ctx: Ctx, refs: readonly LinkRef[]): Promise<ContactLinks> {
    const links = new ContactLinks();
    const scope = await ownerScopeOrNull(ctx, 'contacts', 'read');
    if (!scope) return links;
    const texts = refs.flatMap((r) => (r.text ? [lower(r.text)] : []));
    const rows = await findContactsForImport(ctx.db, ctx.actor.workspaceId, scope, SHARED_ACCOUNTS_READABLE.includes(ctx.actor.role), {
      id: refs.flatMap((r) => (r.id ? [r.id] : [])),
      external: refs.flatMap((r) => (r.externalId ? [r.externalId] : [])),
      email: texts.filter((t) => t.includes('@')),
      fullName: texts.filter((t) => !t.includes('@')),
    });
    links.index(
      rows,
      (c) => c.external_id,
      (c) => [...(c.email ? [lower(c.email)] : []), lower(`${c.first_name} ${c.last_name}`)],
    );
    return links;
  }

  accountOf(id: string): string | null {
    return this.byId.get(id)?.[0]?.account_id ?? null;
  }
}

export class DealLinks extends Links<DealRow> {
  protected readonly what = 'deal';
  protected readonly field = 'deal';
  protected readonly hint = 'link by Deal Id or Deal External ID instead';
  protected textKey = lower;

  static async load(ctx: Ctx, refs: readonly LinkRef[]): Promise<DealLinks> {
    const links = new DealLinks();
    const scope = await ownerScopeOrNull(ctx, 'deals', 'read');
    if (!scope) return links;
    const rows = await findDealsForImport(ctx.db, ctx.actor.workspaceId, scope, {
      id: refs.flatMap((r) => (r.id ? [r.id] : [])),
      external: refs.flatMap((r) => (r.externalId ? [r.externalId] : [])),
      name: refs.flatMap((r) => (r.text ? [lower(r.text)] : [])),
    });
    links.index(
      rows,
      (d) => d.external_id,
      (d) => [lower(d.name)],
    );
    return links;
  }
}
