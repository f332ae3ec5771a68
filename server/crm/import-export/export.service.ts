// CSV export of every record the caller can see, in the furrow preset's columns plus, for deals,
// one column per custom field (so a file imports back unchanged), streamed page by page.
// Visibility is the lists' own: the same owner scope, so a rep exports their own deals and
// marketing gets no deal file at all.
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { ImportEntity } from '../../../api/imports.js';
import type { Ctx } from '../../context.js';
import { SHARED_ACCOUNTS_READABLE } from '../../identity/policy.js';
import { ownerScope } from '../../identity/visibility.js';
import type { CustomFieldDef } from '../custom-values.js';
import { dealCustomFields } from '../deals.service.js';
import { accountsPage, activitiesPage, contactsPage, dealsPage, type ExportPage } from './export.repo.js';
import { columnHeader, type FieldDef, fieldsOf } from './fields.js';
import { customValuesOf } from './import.repo.js';
import { formatMinorUnits } from './values.js';

type Row = Record<string, unknown>;
type Column = [field: string, value: (r: Row) => unknown];

const iso = (ms: unknown) => (ms === null || ms === undefined ? '' : new Date(Number(ms)).toISOString());
const flag = (v: unknown) => (Number(v) === 1 ? 'true' : 'false');
const col =
  (name: string) =>
  (r: Row): unknown =>
    r[name];

const COLUMNS: Record<ImportEntity, Column[]> = {
  accounts: [
    ['id', col('id')],
    ['name', col('name')],
    ['domain', col('domain')],
    ['industry', col('industry')],
    ['size', col('size')],
    ['country', col('country')],
    ['owner', col('owner_email')],
    ['shared', (r) => flag(r.shared)],
    ['externalId', col('external_id')],
    ['createdAt', (r) => iso(r.created_at)],
  ],
  contacts: [
    ['id', col('id')],
    ['firstName', col('first_name')],
    ['lastName', col('last_name')],
    ['email', col('email')],
    ['phone', col('phone')],
    ['title', col('title')],
    ['accountId', col('account_id')],
    ['account', col('account_name')],
    ['owner', col('owner_email')],
    ['externalId', col('external_id')],
    ['createdAt', (r) => iso(r.created_at)],
  ],
  deals: [
    ['id', col('id')],
    ['name', col('name')],
    ['accountId', col('account_id')],
    ['account', col('account_name')],
    ['contactId', col('contact_id')],
    ['contact', col('contact_label')],
    ['owner', col('owner_email')],
    ['pipeline', col('pipeline_name')],
    ['stage', col('stage_name')],
    ['status', col('status')],
    ['amount', (r) => formatMinorUnits(Number(r.amount), String(r.currency))],
    ['currency', col('currency')],
    ['closeDate', col('close_date')],
    ['closedAt', (r) => iso(r.closed_at)],
    ['lostReason', col('lost_reason')],
    ['source', col('source')],
    ['campaign', col('campaign')],
    ['nextStep', col('next_step')],
    ['externalId', col('external_id')],
    ['createdAt', (r) => iso(r.created_at)],
  ],
  activities: [
    ['id', col('id')],
    ['type', col('type')],
    ['subject', col('subject')],
    ['body', col('body')],
    ['occurredAt', (r) => iso(r.occurred_at)],
    ['durationMinutes', col('duration_minutes')],
    ['completed', (r) => (r.completed_at === null ? 'false' : 'true')],
    ['dealId', col('deal_id')],
    ['deal', col('deal_name')],
    ['contactId', col('contact_id')],
    ['contact', col('contact_label')],
    ['accountId', col('account_id')],
    ['account', col('account_name')],
    ['owner', col('owner_email')],
    ['externalId', col('external_id')],
    ['createdAt', (r) => iso(r.created_at)],
  ],
};

const PAGES = { accounts: accountsPage, contacts: contactsPage, deals: dealsPage, activities: activitiesPage } as const;

/** A custom value as the importer reads it back: numbers as written, flags true/false. */
function customCell(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}

/** The entity's columns in this workspace: the built-in ones, then one per custom deal field. */
function columnsOf(entity: ImportEntity, custom: readonly CustomFieldDef[]): { columns: Column[]; fields: readonly FieldDef[] } {
  const fields = fieldsOf(entity, custom);
  const columns = [
    ...COLUMNS[entity],
    ...fields.flatMap((f): Column[] =>
      f.custom ? [[f.key, (r) => customCell((r.custom_values as Record<string, unknown>)[(f.custom as CustomFieldDef).key])]] : [],
    ),
  ];
  return { columns, fields };
}

/** The header row: each field's label (a custom field's key when its label would be ambiguous). */
export function exportHeaders(entity: ImportEntity, custom: readonly CustomFieldDef[] = []): string[] {
  const { columns, fields } = columnsOf(entity, custom);
  return columns.map(([key]) => {
    const field = fields.find((f) => f.key === key);
    return field ? columnHeader(field, fields) : key;
  });
}

async function customFieldsOf(ctx: Ctx, entity: ImportEntity): Promise<CustomFieldDef[]> {
  return entity === 'deals' ? dealCustomFields(ctx) : [];
}

/**
 * A spreadsheet runs a cell starting with = + - @ as a formula; such text gets a leading
 * apostrophe (which the importer strips again). Numbers such as +49 30 … stay as they are.
 */
export function neutraliseFormula(text: string): string {
  return /^[=@\t\r]|^[+-][^\d\s.]/.test(text) ? `'${text}` : text;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? neutraliseFormula(value) : String(value);
}

/** Every visible row of the entity as CSV cells, fetched `pageSize` at a time. */
export async function exportRows(
  ctx: Ctx,
  entity: ImportEntity,
  pageSize = 1000,
  onRow?: () => void,
  custom?: readonly CustomFieldDef[],
): Promise<AsyncGenerator<string[]>> {
  // Scope first, outside the generator: a caller without access gets 403 before any byte is sent.
  const scope = await ownerScope(ctx, entity, 'read');
  const includeShared = (entity === 'accounts' || entity === 'contacts') && SHARED_ACCOUNTS_READABLE.includes(ctx.actor.role);
  const { columns } = columnsOf(entity, custom ?? (await customFieldsOf(ctx, entity)));
  const withCustom = entity === 'deals';
  const fetch = PAGES[entity] as (db: Ctx['db'], p: ExportPage) => Promise<Row[]>;
  return (async function* () {
    let afterId: string | null = null;
    for (;;) {
      const rows = await fetch(ctx.db, { workspaceId: ctx.actor.workspaceId, scope, includeShared, afterId, limit: pageSize });
      for (const r of rows) {
        onRow?.();
        const row = withCustom ? { ...r, custom_values: customValuesOf(r as { custom: string }) } : r;
        yield columns.map(([, value]) => cell(value(row)));
      }
      if (rows.length < pageSize) return;
      afterId = String((rows[rows.length - 1] as Row).id);
    }
  })();
}

/** The CSV as a stream: a BOM (so spreadsheets read UTF-8), the header row, then the rows. */
export async function exportCsv(ctx: Ctx, entity: ImportEntity, options: { pageSize?: number; onRow?: () => void } = {}): Promise<Readable> {
  const custom = await customFieldsOf(ctx, entity);
  const rows = await exportRows(ctx, entity, options.pageSize, options.onRow, custom);
  const csv = stringify({ bom: true, header: true, columns: exportHeaders(entity, custom) });
  const source = Readable.from(rows);
  source.on('error', (error) => csv.destroy(error));
  return source.pipe(csv);
}

export function exportFileName(entity: ImportEntity, now: number): string {
  return `furrow-${entity}-${new Date(now).toISOString().slice(0, 10)}.csv`;
}
