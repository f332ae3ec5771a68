// Accounts and contacts of the demo: most imported on day one (the territory each rep inherits),
// the rest added over the year. Deals later pick from the accounts that existed when they began.
import type { Selectable } from 'kysely';
import { ACCOUNT_TRACKED } from '../../crm/accounts.repo.js';
import { CONTACT_TRACKED } from '../../crm/contacts.repo.js';
import { initialFields } from '../../crm/field-diff.js';
import type { AccountsTable, ChangesTable, ContactsTable } from '../../db/schema/crm.js';
import { DAY, workingTime } from './calendar.js';
import { COMPANY_CORES, COMPANY_PREFIXES, COUNTRIES, FIRST_NAMES, INDUSTRY_OF_CORE, LAST_NAMES, TITLES } from './names.js';
import type { RepSeat } from './org.js';
import type { IdFactory, Rng } from './random.js';

export type AccountRow = Selectable<AccountsTable>;
export type ContactRow = Selectable<ContactsTable>;
export type ChangeRow = Selectable<ChangesTable>;

export interface ContactRef {
  id: string;
  firstName: string;
  lastName: string;
  createdAt: number;
}

export interface AccountRef {
  id: string;
  name: string;
  ownerId: string;
  createdAt: number;
  /** Bigger companies buy bigger deals. */
  sizeFactor: number;
  contacts: ContactRef[];
}

export interface AccountBook {
  accounts: AccountRow[];
  contacts: ContactRow[];
  changes: ChangeRow[];
  /** Per owner, sorted by creation, so a deal can pick among the accounts that existed then. */
  byOwner: Map<string, AccountRef[]>;
  shared: AccountRef[];
}

export interface AccountInput {
  workspaceId: string;
  reps: readonly RepSeat[];
  count: number;
  adminId: string;
  /** The day-one import of the territory. */
  importAt: number;
  windowStart: number;
  now: number;
}

const ascii = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/** Every prefix × core pair once, in a seeded order; a number suffix past the end keeps names unique. */
function companyNames(rng: Rng): (i: number) => { name: string; slug: string; core: string } {
  const pairs = rng.shuffle(COMPANY_PREFIXES.flatMap((p) => COMPANY_CORES.map((c) => [p, c] as const)));
  return (i) => {
    const [prefix, core] = pairs[i % pairs.length] as readonly [string, string];
    const round = Math.floor(i / pairs.length);
    const name = round === 0 ? `${prefix} ${core}` : `${prefix} ${core} ${round + 1}`;
    return { name, slug: ascii(name), core };
  };
}

export function planAccounts(input: AccountInput, rng: Rng, ids: IdFactory): AccountBook {
  const book: AccountBook = { accounts: [], contacts: [], changes: [], byOwner: new Map(), shared: [] };
  const nameOf = companyNames(rng);
  const spread = Math.max(DAY, input.now - 7 * DAY - input.windowStart);
  for (let i = 0; i < input.count; i++) {
    const rep = input.reps[i % input.reps.length] as RepSeat;
    // The first account of every rep is imported, so each rep has a territory from day one.
    const imported = i < input.reps.length || rng.chance(0.7);
    const createdAt = imported ? input.importAt : workingTime(input.windowStart + rng.next() * spread, rng);
    const { name: base, slug, core } = nameOf(i);
    const [country, legal] = rng.weighted(COUNTRIES.map((c) => [c, c[2]] as const));
    const [minSize, maxSize] = rep.segment.accountSize;
    const size = Math.round(minSize * (maxSize / minSize) ** rng.next());
    const row: AccountRow = {
      id: ids.next(),
      workspace_id: input.workspaceId,
      name: `${base} ${legal}`,
      domain: `${slug}.example`,
      industry: INDUSTRY_OF_CORE[core] ?? null,
      size,
      country,
      custom: '{}',
      owner_id: rep.id,
      shared: imported && rng.chance(0.05) ? 1 : 0,
      external_id: imported ? `legacy-${100000 + i}` : null,
      created_at: createdAt,
      updated_at: createdAt,
      deleted_at: null,
      version: 1,
    };
    book.accounts.push(row);
    created(book, ids, input, {
      entity: 'account',
      row,
      tracked: ACCOUNT_TRACKED,
      actor: imported ? input.adminId : rep.id,
      via: imported ? 'import' : 'form',
    });
    const ref: AccountRef = {
      id: row.id,
      name: row.name,
      ownerId: rep.id,
      createdAt,
      sizeFactor: (size / Math.sqrt(minSize * maxSize)) ** 0.2,
      contacts: [],
    };
    const contactCount = rng.weighted([
      [1, 3],
      [2, 4],
      [3, 2],
      [4, 1],
    ] as const);
    for (let k = 0; k < contactCount; k++) ref.contacts.push(addContact(book, input, rng, ids, row, imported));
    const list = book.byOwner.get(rep.id) ?? [];
    list.push(ref);
    book.byOwner.set(rep.id, list);
    if (row.shared === 1) book.shared.push(ref);
  }
  for (const list of book.byOwner.values()) list.sort((a, b) => a.createdAt - b.createdAt);
  return book;
}

function addContact(book: AccountBook, input: AccountInput, rng: Rng, ids: IdFactory, account: AccountRow, imported: boolean): ContactRef {
  const firstName = rng.pick(FIRST_NAMES);
  const lastName = rng.pick(LAST_NAMES);
  const createdAt = imported ? account.created_at : Math.min(input.now - DAY, workingTime(account.created_at + rng.float(0, 20) * DAY, rng));
  const row: ContactRow = {
    id: ids.next(),
    workspace_id: input.workspaceId,
    account_id: account.id,
    first_name: firstName,
    last_name: lastName,
    email: `${ascii(firstName)}.${ascii(lastName)}@${account.domain}`,
    phone: `+49 30 555${String(rng.int(0, 9999)).padStart(4, '0')}`,
    title: rng.weighted(TITLES),
    owner_id: account.owner_id,
    custom: '{}',
    external_id: null,
    created_at: createdAt,
    updated_at: createdAt,
    deleted_at: null,
    version: 1,
  };
  book.contacts.push(row);
  created(book, ids, input, {
    entity: 'contact',
    row,
    tracked: CONTACT_TRACKED,
    actor: imported ? input.adminId : account.owner_id,
    via: imported ? 'import' : 'form',
  });
  return { id: row.id, firstName, lastName, createdAt };
}

/** The creation snapshot the accounts and contacts services write: every tracked field from null. */
function created(
  book: AccountBook,
  ids: IdFactory,
  input: AccountInput,
  c: { entity: 'account' | 'contact'; row: AccountRow | ContactRow; tracked: readonly string[]; actor: string; via: string },
): void {
  for (const f of initialFields(c.row, c.tracked)) {
    book.changes.push({
      id: ids.next(),
      workspace_id: input.workspaceId,
      entity: c.entity,
      entity_id: c.row.id,
      field: f.field,
      from_value: f.from,
      to_value: f.to,
      actor_id: c.actor,
      at: c.row.created_at,
      via: c.via,
    });
  }
}

/** The accounts of a rep that existed at `at` (with a few shared ones), one picked at random. */
export function pickAccount(book: AccountBook, ownerId: string, at: number, rng: Rng): AccountRef | null {
  if (book.shared.length > 0 && rng.chance(0.08)) {
    const shared = book.shared.filter((a) => a.createdAt <= at);
    if (shared.length > 0) return rng.pick(shared);
  }
  const own = book.byOwner.get(ownerId) ?? [];
  let lo = 0;
  let hi = own.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((own[mid] as AccountRef).createdAt <= at) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return null;
  // Recent accounts are where new deals start; older ones bring expansions.
  return own[rng.chance(0.3) ? lo - 1 : rng.int(0, lo - 1)] as AccountRef;
}
