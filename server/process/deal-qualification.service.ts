// A deal's qualification: per framework, each element scored 0–3 with evidence. Writes are
// versioned per deal and framework, and every change is kept in the deal's history.
import type { DealQualification, DealQualificationPut } from '../../api/qualification.js';
import { type Ctx, inTransaction } from '../context.js';
import { appendChanges } from '../crm/history.repo.js';
import { invalidInput, notFound, stale } from '../errors.js';
import { newId } from '../ids.js';
import { readableDeal, writableDeal } from './deal-access.service.js';
import {
  bumpDealQualification,
  deleteScore,
  findFramework,
  insertDealQualification,
  insertScore,
  listDealQualifications,
  listDealScores,
  listElementRows,
  listFrameworkRows,
  updateScore,
} from './qualification.repo.js';
import { ensureBuiltinFrameworks } from './qualification.service.js';

const iso = (ms: number) => new Date(Number(ms)).toISOString();

export async function getDealQualification(ctx: Ctx, dealId: string): Promise<DealQualification> {
  await readableDeal(ctx, dealId);
  await ensureBuiltinFrameworks(ctx);
  const ws = ctx.actor.workspaceId;
  const frameworks = await listFrameworkRows(ctx.db, ws);
  const [elements, headers, scores] = await Promise.all([
    listElementRows(
      ctx.db,
      ws,
      frameworks.map((f) => f.id),
    ),
    listDealQualifications(ctx.db, ws, dealId),
    listDealScores(ctx.db, ws, dealId),
  ]);
  const scoreOf = new Map(scores.map((s) => [s.element_id, s]));
  return {
    dealId,
    frameworks: frameworks.map((f) => {
      const own = elements.filter((e) => e.framework_id === f.id && e.archived_at === null);
      const header = headers.find((h) => h.framework_id === f.id);
      const rows = own.map((e) => {
        const s = scoreOf.get(e.id);
        return { elementId: e.id, key: e.key, label: e.label, description: e.description, score: s?.score ?? null, evidence: s?.evidence ?? null };
      });
      return {
        frameworkId: f.id,
        key: f.key,
        name: f.name,
        maxTotal: own.length * 3,
        total: rows.reduce((sum, r) => sum + (r.score ?? 0), 0),
        scored: rows.filter((r) => r.score !== null).length,
        version: header?.version ?? 0,
        updatedAt: header ? iso(header.updated_at) : null,
        updatedBy: header?.updated_by ? { id: header.updated_by, name: header.updated_by_name ?? '' } : null,
        elements: rows,
      };
    }),
  };
}

const historyValue = (score: number | null, evidence: string | null): string | null =>
  score === null ? null : `${score}${evidence ? ` — ${evidence.slice(0, 300)}` : ''}`;

export async function putDealQualification(ctx: Ctx, dealId: string, frameworkId: string, input: DealQualificationPut): Promise<DealQualification> {
  await inTransaction(ctx, async (tx) => {
    await writableDeal(tx, dealId);
    await ensureBuiltinFrameworks(tx);
    const ws = ctx.actor.workspaceId;
    const framework = await findFramework(tx.db, ws, frameworkId);
    if (!framework || framework.archived_at !== null) throw notFound('Qualification framework');
    const elements = (await listElementRows(tx.db, ws, [frameworkId])).filter((e) => e.archived_at === null);
    const byKey = new Map(elements.map((e) => [e.key, e]));
    const problems = input.scores.flatMap((s, i) => {
      if (!byKey.has(s.elementKey)) return [{ field: `scores.${i}.elementKey`, message: `is not an element of ${framework.name}` }];
      if (input.scores.findIndex((o) => o.elementKey === s.elementKey) !== i) return [{ field: `scores.${i}.elementKey`, message: 'is listed twice' }];
      return [];
    });
    if (problems.length > 0) throw invalidInput(problems);

    const now = tx.now();
    const header = (await listDealQualifications(tx.db, ws, dealId)).find((h) => h.framework_id === frameworkId);
    if (header) {
      if (input.version !== header.version || !(await bumpDealQualification(tx.db, header.id, header.version, ctx.actor.userId, now))) {
        throw stale('Qualification', header.version);
      }
    } else {
      if (input.version !== undefined) throw stale('Qualification', 0);
      await insertDealQualification(tx.db, {
        id: newId(),
        workspace_id: ws,
        deal_id: dealId,
        framework_id: frameworkId,
        updated_by: ctx.actor.userId,
        created_at: now,
        updated_at: now,
        version: 1,
      });
    }

    const existing = new Map((await listDealScores(tx.db, ws, dealId)).map((s) => [s.element_id, s]));
    const history: { field: string; from: string | null; to: string | null }[] = [];
    for (const s of input.scores) {
      const element = byKey.get(s.elementKey);
      if (!element) continue;
      const old = existing.get(element.id);
      const evidence = s.evidence !== undefined ? s.evidence?.trim() || null : (old?.evidence ?? null);
      const from = historyValue(old?.score ?? null, old?.evidence ?? null);
      const to = historyValue(s.score, evidence);
      if (from === to) continue;
      if (s.score === null) {
        if (old) await deleteScore(tx.db, old.id);
      } else if (old) {
        await updateScore(tx.db, old.id, { score: s.score, evidence, updated_by: ctx.actor.userId, updated_at: now });
      } else {
        await insertScore(tx.db, {
          id: newId(),
          workspace_id: ws,
          deal_id: dealId,
          framework_id: frameworkId,
          element_id: element.id,
          score: s.score,
          evidence,
          updated_by: ctx.actor.userId,
          updated_at: now,
        });
      }
      history.push({ field: `qualification.${framework.key}.${element.key}`, from, to });
    }
    const via = ctx.actor.via === 'token' ? 'api' : 'form';
    await appendChanges(tx.db, { workspaceId: ws, entity: 'deal', entityId: dealId, actorId: ctx.actor.userId, at: now, via }, history);
  });
  return getDealQualification(ctx, dealId);
}
