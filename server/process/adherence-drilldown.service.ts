// The moves and deals behind every adherence number, under the same scope and period rules.

import type { AdherenceDeal, AdherenceDealsQuery, AdherenceMove, AdherenceMovesQuery } from '../../api/adherence.js';
import type { MissingCriterion } from '../../api/deals.js';
import { addDays, DAY_MS, startOfDay } from '../../lib/calendar.js';
import type { Ctx } from '../context.js';
import { getWorkspace } from '../identity/workspaces.service.js';
import { periodOf } from './adherence.service.js';
import { listDealsAt, listMoves } from './adherence-drilldown.repo.js';
import { isAdherent } from './adherence-formulas.js';
import { adherenceFilter } from './adherence-scope.service.js';

const iso = (ms: number) => new Date(Number(ms)).toISOString();

function parseMissing(text: string): MissingCriterion[] {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? (v as MissingCriterion[]) : [];
  } catch {
    return [];
  }
}

export async function adherenceMoves(ctx: Ctx, q: AdherenceMovesQuery): Promise<{ items: AdherenceMove[]; nextCursor: string | null }> {
  const f = await adherenceFilter(ctx, q);
  const period = await periodOf(ctx, q.from, q.to);
  const page = await listMoves(ctx.db, f, period, q.filter ?? 'all', { cursor: q.cursor, limit: q.limit ?? 50 });
  return {
    items: page.rows.map((r) => {
      const facts = {
        criteriaMet: r.criteria_met === 1,
        overrideReason: r.override_reason,
        skipped: Number(r.skipped),
        direction: Number(r.direction),
        fromProbability: r.from_probability,
        toProbability: r.to_probability,
      };
      return {
        id: r.id,
        at: iso(r.at),
        dealId: r.deal_id,
        dealName: r.deal_name,
        ownerId: r.owner_id,
        ownerName: r.owner_name,
        actorId: r.actor_id,
        actorName: r.actor_name,
        fromStageName: r.from_stage_name,
        toStageName: r.to_stage_name,
        fromProbability: r.from_probability,
        toProbability: r.to_probability,
        gain: r.to_probability - (r.from_probability ?? 0),
        criteriaMet: facts.criteriaMet,
        adherent: isAdherent(facts),
        overrideReason: r.override_reason,
        skipped: facts.skipped,
        direction: facts.direction,
        via: r.via,
        missing: parseMissing(r.missing),
        processVersionNumber: r.version_number,
        review:
          r.review_verdict === null
            ? null
            : {
                verdict: r.review_verdict,
                comment: r.review_comment,
                reviewer: r.reviewer_id && r.reviewer_name !== null ? { id: r.reviewer_id, name: r.reviewer_name } : null,
                reviewedAt: iso(Number(r.review_at)),
                version: Number(r.review_version),
              },
      };
    }),
    nextCursor: page.nextCursor,
  };
}

export async function adherenceDeals(ctx: Ctx, q: AdherenceDealsQuery): Promise<{ asOf: string; items: AdherenceDeal[]; nextCursor: string | null }> {
  const f = await adherenceFilter(ctx, q);
  const now = ctx.now();
  // As of the end of the given day (never later than now), as the report's totals are.
  const at = q.asOf ? Math.min(startOfDay(addDays(q.asOf, 1), (await getWorkspace(ctx)).timezone), now) : now;
  const page = await listDealsAt(ctx.db, f, at, q.filter, { cursor: q.cursor, limit: q.limit ?? 50 });
  return {
    asOf: iso(at),
    items: page.rows.map((r) => ({
      dealId: r.deal_id,
      dealName: r.deal_name,
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      stageId: r.stage_id,
      stageName: r.stage_name,
      enteredAt: iso(r.entered_at),
      daysInStage: Math.max(0, Math.floor((at - r.entered_at) / DAY_MS)),
      agingDays: r.aging_days,
      amount: r.amount,
      currency: r.currency,
    })),
    nextCursor: page.nextCursor,
  };
}
