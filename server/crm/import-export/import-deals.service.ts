// Deals from CSV, including history: a deal is created as of its created date and, when the file
// says it closed, moved to won or lost as of its close date, by the deals' own rules and through
// the stage gate like every other path. New deals are planned into the import's batch
// (deal-batch.service.ts: the rows createDeal and updateDealById would write, many per statement);
// a matched deal is updated through the deals service. Re-running a file updates, never duplicates.
import type { DealCreate, DealPatch } from '../../../api/deals.js';
import type { Pipeline, Stage } from '../../../api/pipelines.js';
import { calendarDate } from '../../dates.js';
import { ownerScope, scopeIncludes } from '../../identity/visibility.js';
import { listPipelines } from '../../process/pipelines.service.js';
import type { CustomValue } from '../custom-values.js';
import { updateDealById } from '../deals.service.js';
import { type DatedStage, importedHistory } from './deal-history-rules.js';
import { type DealTarget, dealTarget, findStage, parseStatus, stageKey, UNRECORDED_LOST_REASON } from './deal-import-rules.js';
import { type DealRow, findDealsForImport } from './import.repo.js';
import { AccountLinks, ContactLinks, type LinkRef } from './import-links.service.js';
import { atTime, customPatch, lower, type PlannedRow, type Planner, RowReader } from './import-row.js';
import { dealKeyOf, STAGE_HISTORY_FIELD } from './stage-history-file.js';
import { type MoneyText, middayOf, toMinorUnits } from './values.js';

interface Candidate {
  reader: RowReader;
  id: string | undefined;
  name: string;
  account: LinkRef;
  contact: LinkRef;
  ownerId: string | null;
  pipeline: string | undefined;
  stage: string | undefined;
  status: string | undefined;
  amount: MoneyText | undefined;
  currency: string | undefined;
  closeDate: string | undefined;
  closedAt: number | undefined;
  lostReason: string | undefined;
  source: string | undefined;
  campaign: string | undefined;
  nextStep: string | undefined;
  externalId: string | undefined;
  createdAt: number | undefined;
  /** Custom field values by key, for the non-empty cells only (an empty cell leaves a value alone). */
  custom: Record<string, CustomValue>;
  /** Historical: the "Date entered <stage>" cells read, by column, with the stage text each names. */
  entries: { field: string; stage: string; at: number }[];
}

function read(reader: RowReader): Candidate {
  return {
    reader,
    id: reader.text('id', 64),
    name: reader.required('name', 'Name', 200) ?? '',
    account: { id: reader.text('accountId'), externalId: reader.text('accountExternalId'), text: reader.text('account') },
    contact: { id: reader.text('contactId'), text: reader.text('contact') },
    ownerId: reader.owner() ?? null,
    pipeline: reader.text('pipeline'),
    stage: reader.text('stage'),
    status: reader.text('status'),
    amount: reader.money('amount'),
    currency: reader.currency('currency'),
    closeDate: reader.date('closeDate'),
    closedAt: reader.instant('closedAt'),
    lostReason: reader.text('lostReason', 200),
    source: reader.text('source', 100),
    campaign: reader.text('campaign', 200),
    nextStep: reader.text('nextStep', 500),
    externalId: reader.text('externalId', 200),
    createdAt: reader.instant('createdAt'),
    custom: reader.customValues(),
    entries: [
      ...reader.env.stageEntries.flatMap((e) => {
        const at = reader.instant(e.field);
        return at === undefined ? [] : [{ ...e, at }];
      }),
      ...historyOf(reader),
    ],
  };
}

/** The stage-history file's entries for this row: by its external id, else by its name. */
function historyOf(reader: RowReader): { field: string; stage: string; at: number }[] {
  const { stageHistory, stageHistoryUsed } = reader.env;
  if (!stageHistory) return [];
  for (const text of [reader.text('externalId'), reader.text('name')]) {
    const key = text === undefined ? undefined : dealKeyOf(text);
    const found = key === undefined ? undefined : stageHistory.get(key);
    if (key === undefined || !found) continue;
    stageHistoryUsed.add(key);
    return found.map((e) => ({ field: STAGE_HISTORY_FIELD, stage: e.stage, at: e.at }));
  }
  return [];
}

/** Everything a row resolves to once pipeline, links and money are known. */
interface Resolved {
  pipeline: Pipeline;
  target: DealTarget;
  accountId: string | null;
  contactId: string | null;
  amount: number | undefined;
  currency: string | undefined;
  /** For a closed deal: the day and instant it closed. */
  close: { date: string; at: number } | null;
  /** Historical: the stages the file dates, in this deal's pipeline. */
  dated: DatedStage[];
}

function resolve(
  c: Candidate,
  pipelines: Pipeline[],
  current: DealRow | undefined,
  links: { accounts: AccountLinks; contacts: ContactLinks },
): Resolved | null {
  const r = c.reader;
  const env = r.env;
  const pipeline = c.pipeline
    ? pipelines.find((p) => stageKey(p.name) === stageKey(c.pipeline as string))
    : (pipelines.find((p) => p.id === current?.pipeline_id) ?? pipelines.find((p) => p.isDefault) ?? pipelines[0]);
  if (!pipeline) return r.error('pipeline', `no pipeline "${c.pipeline}"; pipelines are ${pipelines.map((p) => p.name).join(', ')}`) ?? null;
  if (current && pipeline.id !== current.pipeline_id) return r.error('pipeline', 'moving a deal to another pipeline is not possible by import') ?? null;
  const targeted = dealTarget(pipeline.stages as Stage[], pipeline.name, c.stage, c.status);
  if (!targeted.ok) return r.error(targeted.field, targeted.message) ?? null;
  const { target } = targeted;

  const accountId = links.accounts.resolve(r, c.account);
  const contactId = links.contacts.resolve(r, c.contact);
  if (accountId === undefined || contactId === undefined) return null;
  if (accountId && contactId && (links.contacts.accountOf(contactId) ?? accountId) !== accountId) {
    return r.error('contact', 'belongs to another account than the deal') ?? null;
  }

  let currency = c.currency;
  if (c.amount?.currency && c.currency && c.amount.currency !== c.currency) {
    return r.error('amount', `is in ${c.amount.currency} but the currency column says ${c.currency}`) ?? null;
  }
  currency ??= c.amount?.currency ?? undefined;
  let amount: number | undefined;
  if (c.amount) {
    const minor = toMinorUnits(c.amount, currency ?? current?.currency ?? env.currency);
    if (!minor.ok) return r.error('amount', minor.message) ?? null;
    amount = minor.value;
  }

  let close: Resolved['close'] = null;
  if (target.final && target.final.kind !== 'open') {
    const date = c.closedAt !== undefined ? calendarDate(c.closedAt, env.timezone) : c.closeDate;
    if (!date) return r.error('closeDate', `a ${target.final.kind} deal needs its close date`) ?? null;
    // Closed today means by now, even before today's midday.
    const at = c.closedAt ?? (date === r.today() ? Math.min(middayOf(date, env.timezone), env.startedAt) : middayOf(date, env.timezone));
    if (at > env.startedAt) return r.error('closeDate', `lies in the future; a ${target.final.kind} deal closed on or before today`) ?? null;
    if (c.createdAt !== undefined && at < c.createdAt) return r.error('closeDate', 'is before the deal was created') ?? null;
    close = { date, at };
  } else if (!current && !c.closeDate) {
    // Another CRM may never have had an expected close date: give the chosen default, never refuse.
    c.closeDate = env.closeDateDefault;
    env.defaultedCloseDates++;
  }
  const dated: DatedStage[] = [];
  for (const e of c.entries) {
    const stage = findStage(pipeline.stages, e.stage) ?? outcomeStage(pipeline.stages, e.stage);
    if (!stage) return r.error(e.field, `"${e.stage}" is no stage of pipeline ${pipeline.name}; map the value in the stage column's values`) ?? null;
    dated.push({ stage, at: e.at, field: e.field });
  }
  return { pipeline, target, accountId, contactId, amount, currency, close, dated };
}

/** "Closed Won" names the won stage whatever the pipeline calls it. */
function outcomeStage(stages: readonly Stage[], text: string): Stage | undefined {
  const outcome = parseStatus(text);
  return outcome === 'won' || outcome === 'lost' ? stages.find((s) => s.kind === outcome) : undefined;
}

/** A new deal's fields from the row, but its stage and close date (how it starts differs by kind of import). */
function createBody(c: Candidate, x: Resolved): Omit<DealCreate, 'closeDate'> {
  return {
    name: c.name,
    ...(x.accountId !== null && { accountId: x.accountId }),
    ...(x.contactId !== null && { contactId: x.contactId }),
    ...(c.ownerId !== null && { ownerId: c.ownerId }),
    pipelineId: x.pipeline.id,
    amount: x.amount ?? 0,
    ...(x.currency !== undefined && { currency: x.currency }),
    ...(c.source !== undefined && { source: c.source }),
    ...(c.campaign !== undefined && { campaign: c.campaign }),
    ...(c.nextStep !== undefined && { nextStep: c.nextStep }),
    ...(c.externalId !== undefined && { externalId: c.externalId }),
    ...(Object.keys(c.custom).length > 0 && { custom: c.custom }),
  };
}

function patchOf(c: Candidate, x: Resolved, row: DealRow): Omit<DealPatch, 'version'> {
  const patch: Omit<DealPatch, 'version'> = {};
  if (c.name !== row.name) patch.name = c.name;
  if (x.accountId !== null && x.accountId !== row.account_id) patch.accountId = x.accountId;
  if (x.contactId !== null && x.contactId !== row.contact_id) patch.contactId = x.contactId;
  if (c.ownerId !== null && c.ownerId !== row.owner_id) patch.ownerId = c.ownerId;
  if (x.amount !== undefined && x.amount !== row.amount) patch.amount = x.amount;
  if (x.currency !== undefined && x.currency !== row.currency) patch.currency = x.currency;
  const closeDate = x.close?.date ?? c.closeDate;
  if (closeDate !== undefined && closeDate !== row.close_date) patch.closeDate = closeDate;
  for (const [key, column] of [
    ['source', 'source'],
    ['campaign', 'campaign'],
    ['nextStep', 'next_step'],
    ['externalId', 'external_id'],
  ] as const) {
    if (c[key] !== undefined && c[key] !== row[column]) patch[key] = c[key];
  }
  const custom = customPatch(c.custom, row.custom);
  if (custom) patch.custom = custom;
  const final = x.target.final;
  if (final && final.id !== row.stage_id) {
    patch.stageId = final.id;
    if (final.kind === 'lost') patch.lostReason = c.lostReason ?? row.lost_reason ?? UNRECORDED_LOST_REASON;
    if (x.close) patch.closeDate = x.close.date;
  } else if (row.status === 'lost' && c.lostReason !== undefined && c.lostReason !== row.lost_reason) {
    patch.lostReason = c.lostReason;
  }
  return patch;
}

export const planDeals: Planner = async (env, rows, progress) => {
  const { ctx } = env;
  const candidates: Candidate[] = [];
  for (const [i, row] of rows.entries()) {
    candidates.push(read(new RowReader(env, row)));
    await progress(i + 1);
  }

  const pipelines = await listPipelines(ctx);
  const links = {
    accounts: await AccountLinks.load(
      ctx,
      candidates.map((c) => c.account),
    ),
    contacts: await ContactLinks.load(
      ctx,
      candidates.map((c) => c.contact),
    ),
  };
  const readScope = await ownerScope(ctx, 'deals', 'read');
  const updateScope = await ownerScope(ctx, 'deals', 'update');
  const existing = await findDealsForImport(ctx.db, ctx.actor.workspaceId, readScope, {
    id: candidates.flatMap((c) => (c.id ? [c.id] : [])),
    external: candidates.flatMap((c) => (c.externalId ? [c.externalId] : [])),
    name: candidates.map((c) => lower(c.name)),
  });
  const byId = new Map(existing.map((d) => [d.id, d]));
  const byExternal = new Map(existing.filter((d) => d.external_id).map((d) => [d.external_id as string, d]));

  const { seen } = env;
  const planned: PlannedRow[] = [];
  for (const c of candidates) {
    await env.pause();
    const r = c.reader;
    if (!r.valid) {
      // Still look at links and stage, so the row's every problem is reported in one run.
      resolve(c, pipelines, undefined, links);
      continue;
    }
    let match = (c.id && byId.get(c.id)) || (c.externalId && byExternal.get(c.externalId)) || undefined;
    // Natural key: the same name on the same account (or both without one). It needs the account,
    // so the links are resolved first against a provisional match.
    const accountId = links.accounts.resolve(r, c.account);
    if (accountId === undefined) continue;
    if (!match) {
      const named = existing.filter(
        (d) => lower(d.name) === lower(c.name) && d.account_id === accountId && (!c.externalId || !d.external_id || d.external_id === c.externalId),
      );
      if (named.length > 1) {
        r.error('name', `matches ${named.length} deals named "${c.name}" on this account; add an External ID column to tell them apart`);
        continue;
      }
      match = named[0];
    }
    const own = c.externalId ? `ext:${c.externalId}` : `name:${lower(c.name)}|${accountId ?? ''}`;
    if (!seen.check(r, match ? [`id:${match.id}`, own] : own, match ? 'deal' : c.externalId ? 'external id' : 'name and account')) continue;
    const x = resolve(c, pipelines, match, links);
    if (!x) continue;
    const plan = match ? planUpdate(c, x, match, updateScope) : env.historical ? planHistory(c, x) : planCreate(c, x);
    if (plan) planned.push(plan);
  }
  return planned;

  function planUpdate(c: Candidate, x: Resolved, row: DealRow, scope: typeof updateScope): PlannedRow | null {
    const patch = patchOf(c, x, row);
    if (Object.keys(patch).length === 0) return { line: c.reader.line, action: 'unchanged' };
    if (!scopeIncludes(scope, row.owner_id)) {
      c.reader.error(null, `matches deal "${row.name}" of ${env.users.describe(row.owner_id)}, which you cannot change`);
      return null;
    }
    // Closing is dated at the file's close date when that keeps history in order.
    const closing = x.close && patch.stageId !== undefined && x.close.at >= row.stage_entered_at ? x.close.at : null;
    return {
      line: c.reader.line,
      action: 'update',
      write: async (tx) => {
        await updateDealById(
          closing !== null ? atTime(tx, closing) : tx,
          row.id,
          { version: row.version, ...patch },
          { via: 'import', imported: env.historical },
        );
      },
    };
  }

  /** The deal as the file's history has it: born, then every dated move, each recorded as imported (decision 0180). */
  function planHistory(c: Candidate, x: Resolved): PlannedRow | null {
    const planned = importedHistory({
      entries: x.dated,
      final: x.target.final,
      reached: x.target.reached,
      createdAt: c.createdAt,
      closeAt: x.close?.at ?? null,
      now: env.startedAt,
    });
    if (!planned.ok) return c.reader.error(planned.field, planned.message) ?? null;
    const h = planned.history;
    if (h.undatedCurrent) env.undatedCurrentStages++;
    const lostReason = c.lostReason ?? UNRECORDED_LOST_REASON;
    const closeDate = (x.close?.date ?? c.closeDate) as string;
    return {
      line: c.reader.line,
      action: 'create',
      batched: (batch) =>
        batch.add({
          input: { ...createBody(c, x), ...(h.born && { stageId: h.born.id }), closeDate },
          at: h.createdAt,
          via: 'import',
          options: { imported: true, createdUnknown: h.createdUnknown, lostReason },
          moves: h.moves.map((move) => ({
            at: move.at,
            stageId: move.stage.id,
            ...(move.stage.kind !== 'open' && { closeDate }),
            ...(move.stage.kind === 'lost' && { lostReason }),
            imported: true,
          })),
        }),
    };
  }

  function planCreate(c: Candidate, x: Resolved): PlannedRow {
    const final = x.target.final;
    const closed = final && final.kind !== 'open' ? final : null;
    const startStage = closed ? x.target.reached : final;
    const createdAt = c.createdAt ?? x.close?.at ?? env.startedAt;
    return {
      line: c.reader.line,
      action: 'create',
      batched: (batch) =>
        batch.add({
          input: { ...createBody(c, x), ...(startStage && { stageId: startStage.id }), closeDate: (c.closeDate ?? x.close?.date) as string },
          at: createdAt,
          via: 'import',
          options: {},
          moves:
            closed && x.close
              ? [
                  {
                    at: x.close.at,
                    stageId: closed.id,
                    closeDate: x.close.date,
                    ...(closed.kind === 'lost' && { lostReason: c.lostReason ?? UNRECORDED_LOST_REASON }),
                  },
                ]
              : [],
        }),
    };
  }
};
