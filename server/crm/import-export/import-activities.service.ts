// Activities from CSV: calls, meetings, emails, tasks and notes, linked to deals, contacts and
// accounts, dated when they happened. Matched by Furrow id, external id, or type + subject +
// time + owner, so a re-run logs nothing twice. Written through the activities service.
import type { ActivityPatch, ActivityType } from '../../../api/activities.js';
import { ownerScope, scopeIncludes } from '../../identity/visibility.js';
import { createActivity, updateActivityById } from '../activities.service.js';
import { parseActivityType } from './activity-import-rules.js';
import { type ActivityRow, findActivitiesForImport } from './import.repo.js';
import { AccountLinks, ContactLinks, DealLinks, type LinkRef } from './import-links.service.js';
import { atTime, lower, type PlannedRow, type Planner, RowReader } from './import-row.js';

interface Candidate {
  reader: RowReader;
  id: string | undefined;
  type: ActivityType;
  subject: string;
  body: string | undefined;
  occurredAt: number;
  durationMinutes: number | undefined;
  completed: boolean | undefined;
  deal: LinkRef;
  contact: LinkRef;
  account: LinkRef;
  ownerId: string | null;
  externalId: string | undefined;
  createdAt: number | undefined;
}

function read(reader: RowReader): Candidate {
  const typeText = reader.required('type', 'Type');
  const type = typeText === undefined ? undefined : parseActivityType(typeText);
  if (typeText !== undefined && !type) reader.error('type', `"${typeText}" is not an activity type; use call, meeting, email, task or note`);
  // Scheduled activities lie ahead; a separate time column (Pipedrive's "Due time") sets the hour.
  const occurredAt = reader.has('occurredAt')
    ? reader.instant('occurredAt', { allowFuture: true, timeText: reader.text('occurredTime') })
    : reader.error('occurredAt', 'Occurred At is empty; every row needs one');
  return {
    reader,
    id: reader.text('id', 64),
    type: type ?? 'task',
    subject: reader.required('subject', 'Subject', 300) ?? '',
    body: reader.text('body', 20_000),
    occurredAt: occurredAt ?? 0,
    durationMinutes: reader.duration('durationMinutes'),
    completed: reader.boolean('completed'),
    deal: { id: reader.text('dealId'), externalId: reader.text('dealExternalId'), text: reader.text('deal') },
    contact: { id: reader.text('contactId'), text: reader.text('contact') },
    account: { id: reader.text('accountId'), text: reader.text('account') },
    ownerId: reader.owner() ?? null,
    externalId: reader.text('externalId', 200),
    createdAt: reader.instant('createdAt'),
  };
}

interface Linked {
  dealId: string | null;
  contactId: string | null;
  accountId: string | null;
}

function patchOf(c: Candidate, links: Linked, row: ActivityRow): Omit<ActivityPatch, 'version'> {
  const patch: Omit<ActivityPatch, 'version'> = {};
  if (c.type !== row.type) patch.type = c.type;
  if (c.subject !== row.subject) patch.subject = c.subject;
  if (c.body !== undefined && c.body !== row.body) patch.body = c.body;
  if (c.occurredAt !== row.occurred_at) patch.occurredAt = new Date(c.occurredAt).toISOString();
  if (c.durationMinutes !== undefined && c.durationMinutes !== row.duration_minutes) patch.durationMinutes = c.durationMinutes;
  if (c.completed !== undefined && c.completed !== (row.completed_at !== null)) patch.completed = c.completed;
  if (links.dealId !== null && links.dealId !== row.deal_id) patch.dealId = links.dealId;
  if (links.contactId !== null && links.contactId !== row.contact_id) patch.contactId = links.contactId;
  if (links.accountId !== null && links.accountId !== row.account_id) patch.accountId = links.accountId;
  if (c.ownerId !== null && c.ownerId !== row.owner_id) patch.ownerId = c.ownerId;
  if (c.externalId !== undefined && c.externalId !== row.external_id) patch.externalId = c.externalId;
  return patch;
}

export const planActivities: Planner = async (env, rows, progress) => {
  const { ctx } = env;
  const candidates: Candidate[] = [];
  for (const [i, row] of rows.entries()) {
    candidates.push(read(new RowReader(env, row)));
    await progress(i + 1);
  }

  const links = {
    deals: await DealLinks.load(
      ctx,
      candidates.map((c) => c.deal),
    ),
    contacts: await ContactLinks.load(
      ctx,
      candidates.map((c) => c.contact),
    ),
    accounts: await AccountLinks.load(
      ctx,
      candidates.map((c) => c.account),
    ),
  };
  const readScope = await ownerScope(ctx, 'activities', 'read');
  const updateScope = await ownerScope(ctx, 'activities', 'update');
  const existing = await findActivitiesForImport(ctx.db, ctx.actor.workspaceId, readScope, {
    id: candidates.flatMap((c) => (c.id ? [c.id] : [])),
    external: candidates.flatMap((c) => (c.externalId ? [c.externalId] : [])),
    subject: candidates.map((c) => lower(c.subject)),
  });
  const byId = new Map(existing.map((x) => [x.id, x]));
  const byExternal = new Map(existing.filter((x) => x.external_id).map((x) => [x.external_id as string, x]));

  const { seen } = env;
  const planned: PlannedRow[] = [];
  for (const c of candidates) {
    await env.pause();
    const r = c.reader;
    const linked = {
      dealId: links.deals.resolve(r, c.deal),
      contactId: links.contacts.resolve(r, c.contact),
      accountId: links.accounts.resolve(r, c.account),
    };
    if (!r.valid || linked.dealId === undefined || linked.contactId === undefined || linked.accountId === undefined) continue;
    const l = linked as Linked;
    const ownerId = c.ownerId ?? ctx.actor.userId;
    const natural = `${c.type}|${lower(c.subject)}|${c.occurredAt}|${ownerId}`;
    let match = (c.id && byId.get(c.id)) || (c.externalId && byExternal.get(c.externalId)) || undefined;
    match ??= existing.find(
      (x) => `${x.type}|${lower(x.subject)}|${x.occurred_at}|${x.owner_id}` === natural && (!c.externalId || !x.external_id || x.external_id === c.externalId),
    );
    const own = c.externalId ? `ext:${c.externalId}` : natural;
    if (!seen.check(r, match ? [`id:${match.id}`, own] : own, match ? 'activity' : c.externalId ? 'external id' : 'type, subject, time and owner')) continue;

    if (!match) {
      planned.push(planCreate(c, l));
      continue;
    }
    const patch = patchOf(c, l, match);
    if (Object.keys(patch).length === 0) {
      planned.push({ line: r.line, action: 'unchanged' });
      continue;
    }
    if (!scopeIncludes(updateScope, match.owner_id)) {
      r.error(null, `matches activity "${match.subject}" of ${env.users.describe(match.owner_id)}, which you cannot change`);
      continue;
    }
    const target = match;
    planned.push({
      line: r.line,
      action: 'update',
      write: async (tx) => {
        await updateActivityById(tx, target.id, { version: target.version, ...patch }, 'import');
      },
    });
  }
  return planned;

  function planCreate(c: Candidate, l: Linked): PlannedRow {
    // Logged when it happened unless the file says when it was entered. Planned ahead and done
    // later, it is created open and completed at its time, so completion is dated right.
    const createdAt = c.createdAt ?? Math.min(c.occurredAt, env.startedAt);
    const completeLater = c.completed === true && createdAt < c.occurredAt && c.occurredAt <= env.startedAt;
    return {
      line: c.reader.line,
      action: 'create',
      write: async (tx) => {
        const activity = await createActivity(
          atTime(tx, createdAt),
          {
            type: c.type,
            subject: c.subject,
            occurredAt: new Date(c.occurredAt).toISOString(),
            ...(c.body !== undefined && { body: c.body }),
            ...(l.dealId !== null && { dealId: l.dealId }),
            ...(l.contactId !== null && { contactId: l.contactId }),
            ...(l.accountId !== null && { accountId: l.accountId }),
            ...(c.ownerId !== null && { ownerId: c.ownerId }),
            ...(c.durationMinutes !== undefined && { durationMinutes: c.durationMinutes }),
            ...(c.completed !== undefined && { completed: completeLater ? false : c.completed }),
            ...(c.externalId !== undefined && { externalId: c.externalId }),
          },
          'import',
        );
        if (completeLater) await updateActivityById(atTime(tx, c.occurredAt), activity.id, { version: activity.version, completed: true }, 'import');
      },
    };
  }
};
