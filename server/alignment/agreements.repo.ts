// SQL for lead agreements. Status changes are guarded UPDATEs (version and expected status), so two
// approvers at once cannot both think they were second.
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { AgreementTerms, LeadAgreement } from '../../api/lead-agreements.js';
import { updateVersioned } from '../db/records.js';
import type { LeadAgreementsTable } from '../db/schema/alignment.js';
import type { DB } from '../db/schema.js';

export type AgreementRow = Selectable<LeadAgreementsTable>;
type AgreementView = AgreementRow & { sales_name: string | null; marketing_name: string | null };

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export const toAgreement = (r: AgreementView): LeadAgreement => ({
  id: r.id,
  number: r.number,
  status: r.status,
  note: r.note,
  terms: JSON.parse(r.terms) as AgreementTerms,
  createdBy: r.created_by,
  createdAt: iso(r.created_at) as string,
  proposedAt: iso(r.proposed_at),
  salesApproval: r.sales_approved_by ? { userId: r.sales_approved_by, name: r.sales_name ?? '', at: iso(r.sales_approved_at) as string } : null,
  marketingApproval: r.marketing_approved_by
    ? { userId: r.marketing_approved_by, name: r.marketing_name ?? '', at: iso(r.marketing_approved_at) as string }
    : null,
  inForceAt: iso(r.in_force_at),
  supersededAt: iso(r.superseded_at),
  updatedAt: iso(r.updated_at) as string,
  version: r.version,
});

function views(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('lead_agreements as a')
    .leftJoin('users as s', 's.id', 'a.sales_approved_by')
    .leftJoin('users as m', 'm.id', 'a.marketing_approved_by')
    .selectAll('a')
    .select(['s.name as sales_name', 'm.name as marketing_name'])
    .where('a.workspace_id', '=', workspaceId);
}

export async function listAgreements(db: Kysely<DB>, workspaceId: string): Promise<LeadAgreement[]> {
  return (await views(db, workspaceId).orderBy('a.number', 'desc').execute()).map(toAgreement);
}

export async function findAgreement(db: Kysely<DB>, workspaceId: string, id: string): Promise<LeadAgreement | undefined> {
  const r = await views(db, workspaceId).where('a.id', '=', id).executeTakeFirst();
  return r ? toAgreement(r) : undefined;
}

export async function findAgreementRow(db: Kysely<DB>, workspaceId: string, id: string): Promise<AgreementRow | undefined> {
  return db.selectFrom('lead_agreements').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function findInForce(db: Kysely<DB>, workspaceId: string): Promise<AgreementRow | undefined> {
  return db.selectFrom('lead_agreements').selectAll().where('workspace_id', '=', workspaceId).where('status', '=', 'in_force').executeTakeFirst();
}

/** The agreement in force at an instant (for leads brought in with their original dates). */
export async function findInForceAt(db: Kysely<DB>, workspaceId: string, at: number): Promise<AgreementRow | undefined> {
  return db
    .selectFrom('lead_agreements')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('in_force_at', '<=', at)
    .where((eb) => eb.or([eb('superseded_at', 'is', null), eb('superseded_at', '>', at)]))
    .orderBy('in_force_at', 'desc')
    .executeTakeFirst();
}

export async function nextNumber(db: Kysely<DB>, workspaceId: string): Promise<number> {
  const r = await db
    .selectFrom('lead_agreements')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return Number(r?.n ?? 0) + 1;
}

export async function insertAgreement(db: Kysely<DB>, row: AgreementRow): Promise<void> {
  await db.insertInto('lead_agreements').values(row).execute();
  await writeCommitments(db, row.workspace_id, row.id, row.terms);
}

/**
 * Marketing's commitment as rows (delivery against commitment joins them; decision 0041), rewritten
 * with the terms in the same transaction. Segments compare lower-cased and trimmed, like leads'.
 */
async function writeCommitments(db: Kysely<DB>, workspaceId: string, agreementId: string, termsJson: string): Promise<void> {
  await db.deleteFrom('lead_commitments').where('workspace_id', '=', workspaceId).where('agreement_id', '=', agreementId).execute();
  const bySegment = new Map((JSON.parse(termsJson) as AgreementTerms).commitments.map((c) => [c.segment.trim().toLowerCase(), c.mqlsPerMonth]));
  if (bySegment.size === 0) return;
  await db
    .insertInto('lead_commitments')
    .values([...bySegment].map(([segment, n]) => ({ workspace_id: workspaceId, agreement_id: agreementId, segment, mqls_per_month: n })))
    .execute();
}

/** Guarded on version and the expected status; false when someone got there first. */
export async function updateAgreement(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  expected: { version: number; status: AgreementRow['status'] },
  changes: Updateable<LeadAgreementsTable>,
  now: number,
): Promise<boolean> {
  const key = { workspaceId, id, version: expected.version };
  const updated = (await updateVersioned(db, 'lead_agreements', key, changes, now, { expect: { status: expected.status } })) !== undefined;
  if (updated && typeof changes.terms === 'string') await writeCommitments(db, workspaceId, id, changes.terms);
  return updated;
}

export async function supersedeInForce(db: Kysely<DB>, workspaceId: string, now: number): Promise<void> {
  await db
    .updateTable('lead_agreements')
    .set((eb) => ({ status: 'superseded', superseded_at: now, updated_at: now, version: eb('version', '+', 1) }))
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'in_force')
    .execute();
}
