// CSV export of the records the caller can see, in the furrow preset's columns plus, for deals,
// one column per custom field (so a file imports back unchanged), streamed page by page.
// Visibility is the lists' own: the same owner scope, so a rep exports their own deals and
// marketing gets no deal file at all. The list's filters, search and sort narrow and order it
// through the lists' own filter code, so an export holds exactly what the list shows.
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { ExportEntity, ExportQuery } from '../../../api/imports.js';
import type { Ctx } from '../../context.js';
import { csvCell, csvNumber } from '../../csv-cells.js';
import { timeSlicer } from '../../event-loop.js';
import { SHARED_ACCOUNTS_READABLE } from '../../identity/policy.js';
import { ownerScope, ownerScopeOrNull } from '../../identity/visibility.js';
import { audit } from '../../ops/audit.service.js';
import { activityFilterOf } from '../activities.service.js';
import type { CustomFieldDef } from '../custom-values.js';
import { accountsPage, activitiesPage, contactsPage, dealsPage, type ExportPage, type ExportRows } from './export.repo.js';
import { columnHeader, type FieldDef, fieldsOf } from './fields.js';
import { entityCustomFields } from './fields.service.js';
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

const COLUMNS: Record<ExportEntity, Column[]> = {
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
    ['amount', (r) => csvNumber(formatMinorUnits(Number(r.amount), String(r.currency)))],
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
    ['durationMinutes', (r) => csvNumber(r.duration_minutes as number | null)],
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

/** The entity's columns in this workspace: the built-in ones, then one per custom field of its records. */
function columnsOf(entity: ExportEntity, custom: readonly CustomFieldDef[]): { columns: Column[]; fields: readonly FieldDef[] } {
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
export function exportHeaders(entity: ExportEntity, custom: readonly CustomFieldDef[] = []): string[] {
  const { columns, fields } = columnsOf(entity, custom);
  return columns.map(([key]) => {
    const field = fields.find((f) => f.key === key);
    return field ? columnHeader(field, fields) : key;
  });
}

const customFieldsOf = (ctx: Ctx, entity: ExportEntity): Promise<CustomFieldDef[]> => entityCustomFields(ctx, entity);

export interface ExportOptions {
  /** The list's filters, search (`q`) and sort; none: every visible record, by id. */
  query?: ExportQuery;
  pageSize?: number;
  onRow?: () => void;
}

/** The filter part of the query (without its sort), read as the list reads it. */
function filterOf(entity: ExportEntity, query: ExportQuery): unknown {
  const { sort: _sort, ...filter } = query as ExportQuery & { sort?: string };
  return entity === 'activities' ? activityFilterOf(filter as { from?: string; to?: string }) : filter;
}

/** Every visible row of the entity (narrowed by the list's filters) as CSV cells, fetched `pageSize` at a time. */
export async function exportRows(
  ctx: Ctx,
  entity: ExportEntity,
  options: ExportOptions = {},
  custom?: readonly CustomFieldDef[],
): Promise<AsyncGenerator<string[]>> {
  const { query = {}, pageSize = 1000, onRow } = options;
  // Filter values and scope first, outside the generator: a bad value answers 400 and a caller
  // without access 403 before any byte is sent.
  const filter = filterOf(entity, query);
  const scope = await ownerScope(ctx, entity, 'read');
  const includeShared = (entity === 'accounts' || entity === 'contacts') && SHARED_ACCOUNTS_READABLE.includes(ctx.actor.role);
  const dealScope = entity === 'activities' ? await ownerScopeOrNull(ctx, 'deals', 'read') : null;
  const { columns } = columnsOf(entity, custom ?? (await customFieldsOf(ctx, entity)));
  const withCustom = entity !== 'activities';
  const fetch = PAGES[entity] as (db: Ctx['db'], p: ExportPage<unknown>) => Promise<ExportRows>;
  const sort = (query as { sort?: string }).sort;
  // Formatting thousands of rows is synchronous work: hand the event loop back every few ms.
  const slice = timeSlicer();
  return (async function* () {
    let cursor: string | null = null;
    do {
      const page: ExportRows = await fetch(ctx.db, {
        workspaceId: ctx.actor.workspaceId,
        dialect: ctx.dialect,
        scope,
        includeShared,
        dealScope,
        filter,
        sort,
        cursor,
        limit: pageSize,
      });
      for (const r of page.rows) {
        onRow?.();
        const row = withCustom ? { ...r, custom_values: customValuesOf(r as { custom: string }) } : r;
        yield columns.map(([, value]) => csvCell(value(row)));
        await slice();
      }
      cursor = page.next;
    } while (cursor !== null);
  })();
}

/** The CSV as a stream: a BOM (so spreadsheets read UTF-8), the header row, then the rows. */
export async function exportCsv(ctx: Ctx, entity: ExportEntity, options: ExportOptions = {}): Promise<Readable> {
  const custom = await customFieldsOf(ctx, entity);
  const rows = await exportRows(ctx, entity, options, custom);
  await audit(ctx, 'export.downloaded', { targetType: entity, summary: `Exported ${entity} as CSV`, details: { query: options.query ?? {} } });
  const csv = stringify({ bom: true, header: true, columns: exportHeaders(entity, custom) });
  const source = Readable.from(rows);
  source.on('error', (error) => csv.destroy(error));
  return source.pipe(csv);
}

export function exportFileName(entity: ExportEntity, now: number): string {
  return `furrow-${entity}-${new Date(now).toISOString().slice(0, 10)}.csv`;
}
