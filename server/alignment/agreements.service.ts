// The lead agreement: drafted, proposed, and in force only once a sales owner (admin or manager)
// and a marketing owner have both approved it. The second approval puts it in force and supersedes
// the one before, in one transaction.
import type { AgreementTerms, LeadAgreement, LeadAgreementCreate, LeadAgreementPatch } from '../../api/lead-agreements.js';
import { type Ctx, inTransaction } from '../context.js';
import { conflict, forbidden, invalidInput, notFound, ruleViolation, stale } from '../errors.js';
import { newId } from '../ids.js';
import { termsProblems } from './agreement-terms.js';
import {
  type AgreementRow,
  findAgreement,
  findAgreementRow,
  findInForce,
  insertAgreement,
  listAgreements as listRows,
  nextNumber,
  supersedeInForce,
  updateAgreement,
} from './agreements.repo.js';

type Side = 'sales' | 'marketing';

/** Sales is represented by admins (the CSO) and managers; marketing by marketing users. */
export function sideOf(ctx: Ctx): Side | null {
  const role = ctx.actor.role;
  return role === 'admin' || role === 'manager' ? 'sales' : role === 'marketing' ? 'marketing' : null;
}

function requireOwner(ctx: Ctx): Side {
  const side = sideOf(ctx);
  if (!side) throw forbidden('Only sales owners (admin, manager) and marketing can work on the lead agreement');
  return side;
}

function checkTerms(terms: AgreementTerms): void {
  const problems = termsProblems(terms);
  if (problems.length > 0) throw invalidInput(problems);
}

export async function listAgreements(ctx: Ctx): Promise<LeadAgreement[]> {
  return listRows(ctx.db, ctx.actor.workspaceId);
}

export async function getAgreement(ctx: Ctx, id: string): Promise<LeadAgreement> {
  const a = await findAgreement(ctx.db, ctx.actor.workspaceId, id);
  if (!a) throw notFound('Lead agreement');
  return a;
}

export async function agreementInForce(ctx: Ctx): Promise<AgreementRow | undefined> {
  return findInForce(ctx.db, ctx.actor.workspaceId);
}

/** Serialises the writes that number agreements or put one in force (PostgreSQL; SQLite's writers are serialised already). */
const AGREEMENTS_LOCK = 40_001;

export async function createAgreement(ctx: Ctx, input: LeadAgreementCreate): Promise<LeadAgreement> {
  requireOwner(ctx);
  checkTerms(input.terms);
  return inTransaction(ctx, async (tx) => {
    const now = tx.now();
    const lock = tx.dialect.transactionLock(AGREEMENTS_LOCK);
    if (lock) await lock.execute(tx.db);
    const id = newId();
    await insertAgreement(tx.db, {
      id,
      workspace_id: ctx.actor.workspaceId,
      number: await nextNumber(tx.db, ctx.actor.workspaceId),
      status: 'draft',
      terms: JSON.stringify(input.terms),
      note: input.note?.trim() || null,
      created_by: ctx.actor.userId,
      created_at: now,
      proposed_at: null,
      sales_approved_by: null,
      sales_approved_at: null,
      marketing_approved_by: null,
      marketing_approved_at: null,
      in_force_at: null,
      superseded_at: null,
      updated_at: now,
      version: 1,
    });
    return getAgreement(tx, id);
  });
}

async function current(ctx: Ctx, id: string): Promise<AgreementRow> {
  const row = await findAgreementRow(ctx.db, ctx.actor.workspaceId, id);
  if (!row) throw notFound('Lead agreement');
  return row;
}

async function guarded(ctx: Ctx, row: AgreementRow, version: number, changes: Parameters<typeof updateAgreement>[4]): Promise<void> {
  if (row.version !== version) throw stale('Lead agreement', row.version);
  if (!(await updateAgreement(ctx.db, ctx.actor.workspaceId, row.id, { version, status: row.status }, changes, ctx.now()))) {
    throw stale('Lead agreement', (await current(ctx, row.id)).version);
  }
}

/** Only a draft is edited; a proposed agreement goes back to draft to change (its approvals drop). */
export async function updateAgreementById(ctx: Ctx, id: string, patch: LeadAgreementPatch): Promise<LeadAgreement> {
  requireOwner(ctx);
  if (patch.terms) checkTerms(patch.terms);
  return inTransaction(ctx, async (tx) => {
    const row = await current(tx, id);
    if (row.status !== 'draft') throw ruleViolation(`Only a draft can be edited; this version is ${row.status.replace('_', ' ')}`);
    await guarded(tx, row, patch.version, {
      ...(patch.terms && { terms: JSON.stringify(patch.terms) }),
      ...(patch.note !== undefined && { note: patch.note?.trim() || null }),
    });
    return getAgreement(tx, id);
  });
}

export async function proposeAgreement(ctx: Ctx, id: string, version: number): Promise<LeadAgreement> {
  requireOwner(ctx);
  return inTransaction(ctx, async (tx) => {
    const row = await current(tx, id);
    if (row.status !== 'draft') throw ruleViolation(`Only a draft can be proposed; this version is ${row.status.replace('_', ' ')}`);
    await guarded(tx, row, version, { status: 'proposed', proposed_at: tx.now() });
    return getAgreement(tx, id);
  });
}

export async function withdrawAgreement(ctx: Ctx, id: string, version: number): Promise<LeadAgreement> {
  requireOwner(ctx);
  return inTransaction(ctx, async (tx) => {
    const row = await current(tx, id);
    if (row.status !== 'proposed') throw ruleViolation('Only a proposed agreement goes back to draft');
    await guarded(tx, row, version, {
      status: 'draft',
      proposed_at: null,
      sales_approved_by: null,
      sales_approved_at: null,
      marketing_approved_by: null,
      marketing_approved_at: null,
    });
    return getAgreement(tx, id);
  });
}

/** The caller approves for their side; when the other side has approved already, it comes into force. */
export async function approveAgreement(ctx: Ctx, id: string, version: number): Promise<LeadAgreement> {
  const side = requireOwner(ctx);
  return inTransaction(ctx, async (tx) => {
    // Two final approvals at once (of two proposals) would each find no agreement in force and both
    // go in force (PostgreSQL: the one-in-force index refuses the second, a 500). One after the
    // other, the later supersedes the earlier, as two approvals a minute apart would.
    const lock = tx.dialect.transactionLock(AGREEMENTS_LOCK);
    if (lock) await lock.execute(tx.db);
    const row = await current(tx, id);
    if (row.status !== 'proposed') throw ruleViolation(`Only a proposed agreement can be approved; this version is ${row.status.replace('_', ' ')}`);
    const mine = side === 'sales' ? row.sales_approved_by : row.marketing_approved_by;
    if (mine) throw conflict(`The ${side} side has approved this version already`);
    const now = tx.now();
    const otherApproved = side === 'sales' ? row.marketing_approved_by !== null : row.sales_approved_by !== null;
    const approval =
      side === 'sales'
        ? { sales_approved_by: ctx.actor.userId, sales_approved_at: now }
        : { marketing_approved_by: ctx.actor.userId, marketing_approved_at: now };
    if (otherApproved) {
      if (row.version !== version) throw stale('Lead agreement', row.version);
      await supersedeInForce(tx.db, ctx.actor.workspaceId, now);
      await guarded(tx, row, version, { ...approval, status: 'in_force', in_force_at: now });
    } else {
      await guarded(tx, row, version, approval);
    }
    return getAgreement(tx, id);
  });
}
