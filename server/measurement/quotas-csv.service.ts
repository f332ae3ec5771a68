// Quotas as CSV, for the spreadsheet a sales operations team plans in: rows of scope type, scope
// (user email, team name, or empty for the workspace), period and amount in currency units.
import { stringify } from 'csv-stringify/sync';
import type { ImportRowError } from '../../api/imports.js';
import type { QuotaImportResult, QuotaListQuery } from '../../api/measurement-targets.js';
import { BAD_TEXT_MESSAGE, hasBadText } from '../../lib/input-rules.js';
import { type Ctx, inTransaction } from '../context.js';
import { readCsv } from '../crm/import-export/csv-read.js';
import { formatMinorUnits, parseMoneyText, toMinorUnits } from '../crm/import-export/values.js';
import { csvCell, csvNumber, unneutralise } from '../csv-cells.js';
import type { TargetScopeType } from '../db/schema/measurement.js';
import { requireRole } from '../identity/roles.js';
import { listUsers } from '../identity/users.service.js';
import { getWorkspace } from '../identity/workspaces.service.js';
import { applyQuotas, type CheckedQuota, checkQuota, listQuotas } from './quotas.service.js';
import { loadOrg } from './scope.service.js';

export const QUOTA_COLUMNS = ['scope_type', 'scope', 'scope_name', 'period', 'amount', 'currency'] as const;
const REQUIRED = ['scope_type', 'scope', 'period', 'amount'] as const;

export async function exportQuotasCsv(ctx: Ctx, q: QuotaListQuery): Promise<string> {
  const [list, users, org] = await Promise.all([listQuotas(ctx, q), listUsers(ctx), loadOrg(ctx)]);
  const email = new Map(users.map((u) => [u.id, u.email]));
  const rows = list.items.map((item) => [
    item.scopeType,
    item.scopeType === 'user' ? (email.get(item.scopeId) ?? '') : item.scopeType === 'team' ? (org.teams.find((t) => t.id === item.scopeId)?.name ?? '') : '',
    item.scopeName,
    item.periodKey,
    csvNumber(formatMinorUnits(item.amount, item.currency)),
    item.currency,
  ]);
  return `\uFEFF${stringify([[...QUOTA_COLUMNS], ...rows.map((r) => r.map(csvCell))])}`;
}

export async function importQuotasCsv(ctx: Ctx, csv: string, dryRun: boolean): Promise<QuotaImportResult> {
  requireRole(ctx, 'admin');
  const [ws, org, users] = await Promise.all([getWorkspace(ctx), loadOrg(ctx), listUsers(ctx)]);
  const table = readCsv(csv);
  const problems: ImportRowError[] = [...table.errors];
  const column = new Map(table.headers.map((h, i) => [h.trim().toLowerCase(), i]));
  if (table.headers.some(hasBadText)) problems.push({ line: 1, field: null, message: `a column name ${BAD_TEXT_MESSAGE}` });
  for (const name of REQUIRED) if (!column.has(name)) problems.push({ line: 1, field: name, message: 'this column is missing from the header' });
  const fail = (line: number, field: string | null, message: string) => problems.push({ line, field, message });
  const byEmail = new Map(users.map((u) => [u.email.toLowerCase(), u.id]));
  const byTeamName = new Map(org.teams.map((t) => [t.name.toLowerCase(), t.id]));
  const items: CheckedQuota[] = [];
  const seen = new Map<string, number>();

  if (problems.length === 0) {
    for (const record of table.records) {
      const cell = (name: string) => unneutralise((record.cells[column.get(name) as number] ?? '').trim()).trim();
      const line = record.line;
      // A bad cell is its row's problem (line and column), as in every import; the file is not refused whole.
      const badColumns = QUOTA_COLUMNS.filter((name) => column.has(name) && hasBadText(record.cells[column.get(name) as number] ?? ''));
      if (badColumns.length > 0) {
        for (const name of badColumns) fail(line, name, BAD_TEXT_MESSAGE);
        continue;
      }
      const type = cell('scope_type').toLowerCase();
      if (type !== 'user' && type !== 'team' && type !== 'workspace') {
        fail(line, 'scope_type', `"${cell('scope_type')}" is not user, team or workspace`);
        continue;
      }
      const scope = cell('scope');
      let scopeId: string | undefined;
      if (type === 'user') scopeId = byEmail.get(scope.toLowerCase());
      if (type === 'team') scopeId = byTeamName.get(scope.toLowerCase());
      if (type !== 'workspace' && !scopeId) {
        fail(line, 'scope', type === 'user' ? `no user with the email "${scope}"` : `no team named "${scope}"`);
        continue;
      }
      const amountText = cell('amount');
      let amount: number | null = null;
      if (amountText !== '') {
        const money = parseMoneyText(amountText);
        const minor = money.ok ? toMinorUnits(money.value, ws.currency) : money;
        if (!minor.ok) {
          fail(line, 'amount', minor.message);
          continue;
        }
        if (money.ok && money.value.currency && money.value.currency !== ws.currency) {
          fail(line, 'amount', `is in ${money.value.currency}; quotas are in the workspace currency ${ws.currency}`);
          continue;
        }
        amount = minor.value;
      }
      const checked = checkQuota(
        org,
        ws.id,
        ws.fiscalYearStartMonth,
        { scopeType: type as TargetScopeType, scopeId, periodKey: cell('period'), amount },
        (name) => (name === 'periodKey' ? 'period' : 'scope'),
      );
      if ('field' in checked) {
        fail(line, checked.field, checked.message);
        continue;
      }
      const key = `${checked.scopeType}/${checked.scopeId}/${checked.periodKey}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        fail(line, 'period', `repeats the quota of line ${earlier}`);
        continue;
      }
      seen.set(key, line);
      items.push(checked);
    }
  }
  const none = { created: 0, updated: 0, removed: 0, unchanged: 0 };
  if (problems.length > 0) return { ok: false, ...none, problems: problems.sort((a, b) => a.line - b.line) };
  if (!dryRun) return { ok: true, ...(await applyQuotas(ctx, items, ws.currency)), problems: [] };
  // A dry run writes in a transaction it then rolls back, so its counts are the real ones.
  let counts = none;
  await inTransaction(ctx, async (tx) => {
    counts = await applyQuotas(tx, items, ws.currency);
    throw new DryRun();
  }).catch((e: unknown) => {
    if (!(e instanceof DryRun)) throw e;
  });
  return { ok: true, ...counts, problems: [] };
}

class DryRun extends Error {}
