// Test data: a random but reproducible half year of a small sales team, written through the deal
// services (so history is exactly what production writes), with activities inserted directly.
// The same seed gives the same history on SQLite and PostgreSQL.
import type { Deal, DealPatch } from '../../../api/deals.js';
import { createDeal, updateDealById } from '../../crm/deals.service.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import type { TestEnv, TestUser, TestWorkspace } from '../../test/test-env.js';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface History {
  w: TestWorkspace;
  manager: TestUser;
  reps: TestUser[];
  /** Team T (manager) ⊃ T2; reps[0], reps[1] in T, reps[2] in T2, reps[3] in no team. */
  teamId: string;
  subTeamId: string;
  stages: { id: string; name: string; kind: string; position: number; probability: number }[];
  dealIds: string[];
  start: number;
  end: number;
}

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function randomHistory(env: TestEnv, seed: number, options: { deals?: number; start?: string; days?: number } = {}): Promise<History> {
  const random = rng(seed);
  // Call plans draw from their own stream, so the rest of the history stays what it was.
  const planRandom = rng(seed + 1);
  /** A plan for some activities (only meetings' plans count): ready before, after or never; debriefed or not. */
  const maybePlan = async (activityId: string, dealId: string, ownerId: string, at: number) => {
    if (planRandom() < 0.4) return;
    const now = env.clock.now;
    const readyRoll = planRandom();
    const readyAt = readyRoll < 0.6 ? Math.min(now, at - Math.floor(planRandom() * 3 * DAY)) : readyRoll < 0.8 ? at + DAY : null;
    const debriefedAt = planRandom() < 0.6 ? at + Math.floor(planRandom() * 2 * DAY) : null;
    await env.database.db
      .insertInto('call_plans')
      .values({
        id: newId(),
        workspace_id: w.id,
        deal_id: dealId,
        activity_id: activityId,
        owner_id: ownerId,
        meeting_type: 'discovery',
        objective: 'Plan',
        desired_commitment: null,
        attendees: '[]',
        questions: '[]',
        objections: '[]',
        value_hypothesis: null,
        gaps: '[]',
        status: readyAt === null ? 'draft' : 'ready',
        quality_score: 0,
        ready_at: readyAt,
        reviewed_by: null,
        reviewed_at: null,
        review_comment: null,
        debriefed_by: null,
        debriefed_at: debriefedAt,
        objective_met: debriefedAt === null ? null : 1,
        commitment_secured: debriefedAt === null ? null : planRandom() < 0.5 ? 1 : 0,
        commitment_date: null,
        learned: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
        version: 1,
      })
      .execute();
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const start = Date.parse(`${options.start ?? '2026-05-04'}T08:00:00Z`);
  const days = options.days ?? 200;
  env.clock.now = start - DAY;
  const w = await env.workspace({ currency: 'EUR' });
  const manager = await w.user('manager', { name: 'Mia Manager' });
  const teamId = await w.team('T', { managerId: manager.id });
  const subTeamId = await w.team('T2', { parentId: teamId });
  const reps = [
    await w.user('rep', { teamId, name: 'Ann' }),
    await w.user('rep', { teamId, name: 'Ben' }),
    await w.user('rep', { teamId: subTeamId, name: 'Cat' }),
    await w.user('rep', { name: 'Dan' }),
  ];
  const admin = w.as(w.admin);
  const { body: list } = await admin.get('/api/v1/pipelines');
  const pipelineId = list.items[0]!.id as string;
  let { body: proc } = await admin.get(`/api/v1/pipelines/${pipelineId}/process`);
  const stages = proc.stages as History['stages'];
  const stageId = (name: string) => stages.find((s) => s.name === name)?.id as string;
  // One checklist criterion on Qualify that may be overridden: some moves adhere, some do not.
  ({ body: proc } = await admin.post(`/api/v1/stages/${stageId('Qualify')}/criteria`, { version: proc.pipeline.version, kind: 'checklist', label: 'Pain' }));
  ({ body: proc } = await admin.patch(`/api/v1/stages/${stageId('Qualify')}`, { version: proc.pipeline.version, allowOverride: true }));
  const checklist = proc.stages[0]!.criteria[0]!.id as string;
  const open = stages.filter((s) => s.kind === 'open');

  const deals = new Map<string, Deal>();
  const target = options.deals ?? 40;
  const db = env.database.db;
  for (let d = 0; d < days; d++) {
    const dayStart = start + d * DAY;
    for (let k = 0; k < 3; k++) {
      // The day's three events in time order: a random hour each, never before the previous one, or
      // a deal created at 13:31 could be won at 10:15 the same day (seed 20261207), before it existed.
      env.clock.now = Math.max(env.clock.now + 1, dayStart + Math.floor(random() * 9 * 3_600_000));
      const roll = random();
      const owner = pick(reps);
      try {
        if ((roll < 0.25 && deals.size < target) || deals.size === 0) {
          const later = random() < 0.2 ? pick(open.slice(1)).id : undefined;
          const deal = await createDeal(
            w.ctx(owner),
            {
              name: `Deal ${deals.size + 1}`,
              amount: Math.round(1 + random() * 50) * 1000,
              closeDate: day(env.clock.now + Math.floor(random() * 120) * DAY),
              ...(random() < 0.1 ? { currency: 'USD' } : {}),
              ...(later ? { stageId: later } : {}),
            },
            'api',
            later ? { overrideReason: 'Came in qualified' } : {},
          );
          deals.set(deal.id, deal);
          continue;
        }
        const deal = pick([...deals.values()]);
        if (deal.status !== 'open' && roll < 0.9) continue;
        const actor = reps.find((r) => r.id === deal.ownerId) ?? w.admin;
        const ctx = w.ctx(actor === w.admin ? w.admin : actor);
        const stage = stages.find((s) => s.id === deal.stageId) as History['stages'][number];
        // A move the gate refuses is made again with an override, as a rep with a reason would.
        const update = async (c: typeof ctx, id: string, patch: DealPatch) => {
          try {
            return await updateDealById(c, id, patch, { via: 'form' });
          } catch (e) {
            if (!(e instanceof AppError && e.code === 'gate_blocked')) throw e;
            return updateDealById(c, id, { ...patch, overrideReason: 'Manager agreed' }, { via: 'form' });
          }
        };
        let next: Deal;
        if (roll < 0.5) {
          // Forward one or two stages; Qualify's checklist is ticked half of the time.
          if (stage.name === 'Qualify' && random() < 0.5) {
            await w.as(actor).put(`/api/v1/deals/${deal.id}/checklist/${checklist}`, { checked: true });
          }
          const ahead = open.filter((s) => s.position > stage.position);
          const to = ahead.length === 0 ? null : random() < 0.8 ? ahead[0] : pick(ahead);
          if (!to) continue;
          next = await update(ctx, deal.id, { version: deal.version, stageId: to.id });
        } else if (roll < 0.58) {
          const back = open.filter((s) => s.position < stage.position);
          if (back.length === 0) continue;
          next = await update(ctx, deal.id, { version: deal.version, stageId: pick(back).id });
        } else if (roll < 0.7) {
          next = await update(ctx, deal.id, { version: deal.version, status: 'won' });
        } else if (roll < 0.78) {
          next = await update(ctx, deal.id, { version: deal.version, status: 'lost', lostReason: 'Price' });
        } else if (roll < 0.84) {
          next = await update(ctx, deal.id, { version: deal.version, amount: Math.round(1 + random() * 50) * 1000 });
        } else if (roll < 0.9) {
          next = await update(ctx, deal.id, { version: deal.version, closeDate: day(env.clock.now + Math.floor(random() * 90) * DAY) });
        } else if (roll < 0.94) {
          next = await update(w.ctx(w.admin), deal.id, { version: deal.version, ownerId: pick(reps).id });
        } else if (roll < 0.96 && deal.status !== 'open') {
          next = await update(ctx, deal.id, { version: deal.version, status: 'open' });
        } else if (roll < 0.965) {
          await admin.delete(`/api/v1/deals/${deal.id}`);
          deals.delete(deal.id);
          continue;
        } else {
          const at = env.clock.now + Math.floor((random() - 0.3) * 10 * DAY);
          const activityId = newId();
          await db
            .insertInto('activities')
            .values({
              id: activityId,
              workspace_id: w.id,
              type: pick(['call', 'meeting', 'email', 'task', 'note'] as const),
              subject: 'Touch',
              body: null,
              deal_id: deal.id,
              contact_id: null,
              account_id: null,
              owner_id: deal.ownerId,
              occurred_at: at,
              duration_minutes: null,
              completed_at: null,
              external_id: null,
              created_at: env.clock.now,
              updated_at: env.clock.now,
              deleted_at: random() < 0.1 ? env.clock.now + DAY : null,
              version: 1,
            })
            .execute();
          await maybePlan(activityId, deal.id, deal.ownerId, at);
          continue;
        }
        deals.set(next.id, next);
      } catch (e) {
        throw new Error(`day ${d}: ${(e as Error).message}`);
      }
    }
  }
  env.clock.now = start + days * DAY;
  return { w, manager, reps, teamId, subTeamId, stages, dealIds: [...deals.keys()], start, end: env.clock.now };
}
