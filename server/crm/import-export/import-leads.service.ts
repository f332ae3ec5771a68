// Leads from CSV (Salesforce's Lead export, HubSpot's contacts or leads export, Furrow's columns):
// each row becomes a lead with its status and the dated history that led there, written by the
// alignment capability (alignment/lead-import.service.ts). A row whose email or external id is a
// lead Furrow has already is never a second lead: a later export moves it on along its lifecycle
// (lead-import-rules.ts#advanceSteps), and is otherwise left as it is, so a file imports twice
// without duplicates. A converted lead links to the deal the row names, among the deals the
// importer may read; a deal named and not found is the row's error.
import type { LeadStatus } from '../../../api/leads.js';
import { listCampaigns } from '../../alignment/campaigns.service.js';
import { advanceImportedLead, dealsForImport, importLead, leadsForImport } from '../../alignment/lead-import.service.js';
import type { Ctx } from '../../context.js';
import { DealLinks, type LinkRef } from './import-links.service.js';
import { lower, type PlannedRow, type Planner, RowReader } from './import-row.js';
import { advanceSteps, LEAD_STATUSES, type LeadDates, leadSteps, parseLeadStatus, whyLeftAsItIs } from './lead-import-rules.js';
import { type EntityValueSpec, sameOption } from './value-choices.js';

interface Candidate {
  reader: RowReader;
  email: string | undefined;
  externalId: string | undefined;
  write: Omit<Parameters<typeof importLead>[1], 'steps'>;
  status: LeadStatus;
  dates: LeadDates;
  deal: LinkRef;
  steps: { to: LeadStatus; at: number }[];
}

const orNull = (v: string | undefined) => v ?? null;

export const planLeads: Planner = async (env, rows, progress) => {
  const { ctx } = env;
  const campaigns = await listCampaigns(ctx);
  const campaignByKey = new Map<string, string>();
  for (const c of campaigns) {
    campaignByKey.set(lower(c.name), c.id);
    campaignByKey.set(c.id, c.id);
  }

  const candidates: Candidate[] = [];
  for (const [i, row] of rows.entries()) {
    await progress(i + 1);
    const reader = new RowReader(env, row);
    const email = reader.email('email');
    const firstName = reader.text('firstName', 100);
    const lastName = reader.text('lastName', 100);
    const company = reader.text('company', 200);
    if (!reader.has('email') && !reader.has('lastName') && !reader.has('company') && !reader.has('firstName')) {
      reader.error('email', 'a lead needs an email, a company or a name; this row has none');
    }
    const statusText = reader.text('status');
    let status: LeadStatus = 'new';
    if (statusText !== undefined) {
      const parsed = parseLeadStatus(statusText);
      if (parsed === null)
        reader.error('status', `"${statusText}" is not a lead status Furrow knows; map it to one of new, mql, accepted, rejected, sql, converted, recycled`);
      else status = parsed;
    }
    const campaignText = reader.text('campaign');
    const campaignId = campaignText === undefined ? null : (campaignByKey.get(lower(campaignText)) ?? null);
    if (campaignText !== undefined && campaignId === null)
      reader.error('campaign', `no campaign is named "${campaignText}"; create it first or map the value to one`);
    const ownerId = reader.owner() ?? null;
    const dates: LeadDates = {
      createdAt: reader.instant('createdAt') ?? env.startedAt,
      mqlAt: reader.instant('mqlAt'),
      acceptedAt: reader.instant('acceptedAt'),
      sqlAt: reader.instant('sqlAt'),
      convertedAt: reader.instant('convertedAt'),
      closedAt: reader.instant('closedAt'),
    };
    const c: Candidate = {
      reader,
      email,
      externalId: reader.text('externalId', 200),
      write: {
        email: orNull(email),
        firstName: orNull(firstName),
        lastName: orNull(lastName),
        company: orNull(company),
        domain: orNull(reader.text('domain', 200)),
        title: orNull(reader.text('title', 120)),
        industry: orNull(reader.text('industry', 100)),
        companySize: reader.integer('companySize', 0, 10_000_000) ?? null,
        country: orNull(reader.text('country', 100)),
        segment: orNull(reader.text('segment', 60)),
        source: orNull(reader.text('source', 100)),
        campaignId,
        ownerId,
        teamId: ownerId ? (env.users.get(ownerId)?.teamId ?? null) : null,
        externalId: null,
        rejectionReason: orNull(reader.text('rejectionReason', 200)),
        dealId: null,
      },
      status,
      dates,
      deal: { id: reader.text('dealId'), externalId: reader.text('dealExternalId'), text: reader.text('deal') },
      steps: [],
    };
    c.write.externalId = orNull(c.externalId);
    if (!reader.valid) continue;
    const path = leadSteps(status, dates);
    if (path.problem) {
      reader.error(path.problem.field, path.problem.message);
      continue;
    }
    c.steps = path.steps;
    candidates.push(c);
  }

  const existing = await leadsForImport(ctx, {
    emails: candidates.flatMap((c) => (c.email ? [c.email] : [])),
    externalIds: candidates.flatMap((c) => (c.externalId ? [c.externalId] : [])),
  });
  const byEmail = new Map(existing.flatMap((l) => (l.email ? [[l.email, l] as const] : [])));
  const byExternal = new Map(existing.flatMap((l) => (l.external_id ? [[l.external_id, l] as const] : [])));
  // Only a converted lead has a deal; the deal cells of other rows are not read.
  const dealRefs = candidates.filter((c) => c.status === 'converted').map((c) => c.deal);
  const dealKeys = await dealsForImport(ctx, {
    ids: dealRefs.flatMap((r) => (r.id ? [r.id] : [])),
    externalIds: dealRefs.flatMap((r) => (r.externalId ? [r.externalId] : [])),
  });
  const namedDeals = await DealLinks.load(
    ctx,
    dealRefs.map((r) => ({ text: r.text })),
  );
  const dealOf = (c: Candidate) =>
    (c.deal.id && dealKeys.byId.get(c.deal.id)) || (c.deal.externalId && dealKeys.byExternal.get(c.deal.externalId)) || namedDeals.resolve(c.reader, c.deal);

  const { seen } = env;
  const planned: PlannedRow[] = [];
  for (const c of candidates) {
    await env.pause();
    const match = (c.externalId && byExternal.get(c.externalId)) || (c.email && byEmail.get(c.email)) || undefined;
    // Within the file too, one lead per email (and per external id).
    if (match && !seen.check(c.reader, [`id:${match.id}`, c.externalId ? `ext:${c.externalId}` : null, c.email ? `email:${c.email}` : null], 'lead')) continue;
    if (!match && !seen.check(c.reader, c.externalId ? `ext:${c.externalId}` : null, 'external id')) continue;
    if (!match && !seen.check(c.reader, c.email ? `email:${c.email}` : null, 'email')) continue;
    const dealId = c.status === 'converted' ? dealOf(c) : null;
    if (dealId === undefined) continue;
    if (!match) {
      planned.push({ line: c.reader.line, action: 'create', write: (tx) => importLead(tx, { ...c.write, dealId, steps: c.steps }) });
      continue;
    }
    // A lead Furrow has is Furrow's to work: a later export only moves it on, never back.
    const advance = advanceSteps(match.status, match.latest_at, c.steps, c.dates);
    if (advance.problem) {
      c.reader.error(advance.problem.field, advance.problem.message);
      continue;
    }
    const linksDeal = dealId !== null && match.deal_id === null && (match.status === 'converted' || advance.steps.length > 0);
    if (advance.steps.length === 0 && !linksDeal) {
      const why = whyLeftAsItIs(match.status, c.status);
      planned.push({ line: c.reader.line, action: 'unchanged', ...(why ? { note: `${c.email ?? c.externalId} left as it is — ${why}` } : {}) });
      continue;
    }
    const input = { id: match.id, version: match.version, steps: advance.steps, rejectionReason: c.write.rejectionReason, dealId };
    planned.push({ line: c.reader.line, action: 'update', write: (tx) => advanceImportedLead(tx, input) });
  }
  return planned;
};

/** The lead columns whose file values are matched to Furrow's: status words, and campaigns by name (read only when a column feeds them). */
export async function leadValueSpecs(ctx: Ctx, mapped: ReadonlySet<string>): Promise<EntityValueSpec> {
  const campaigns = mapped.has('campaign') ? (await listCampaigns(ctx)).map((c) => c.name) : [];
  return (f) => {
    if (f.key === 'status') return { field: f.key, label: f.label, options: [...LEAD_STATUSES], propose: (text) => parseLeadStatus(text) };
    if (f.key === 'campaign') return { field: f.key, label: f.label, options: [...campaigns], propose: (text) => sameOption(campaigns, text) };
    return undefined;
  };
}
