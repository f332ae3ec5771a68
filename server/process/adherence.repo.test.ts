// The SQL sums equal the reference formulas (adherence-formulas.ts) on random move histories,
// on every engine: totals, per owner and per week.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { newId } from '../ids.js';
import { describeEngines } from '../test/test-env.js';
import { moveSums } from './adherence.repo.js';
import { addSums, type MoveFacts, sumMoves, ZERO_SUMS } from './adherence-formulas.js';

const WEEK = 7 * 86_400_000;

const arbMove = fc.record({
  owner: fc.integer({ min: 0, max: 2 }),
  offset: fc.integer({ min: 0, max: 3 * WEEK - 1 }),
  criteriaMet: fc.boolean(),
  override: fc.boolean(),
  verdict: fc.constantFrom(null, 'accepted' as const, 'challenged' as const),
  skipped: fc.integer({ min: 0, max: 3 }),
  direction: fc.constantFrom(-1, 0, 1),
  from: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  to: fc.integer({ min: 0, max: 100 }),
  version: fc.integer({ min: 0, max: 2 }),
});

describeEngines('adherence SQL against the reference formulas', (env) => {
  it('sums random histories exactly as the formulas define them', async () => {
    const w = await env().workspace();
    const owners = [w.admin, await w.user('rep'), await w.user('rep')];
    const { body: pipelines } = await w.as(w.admin).get('/api/v1/pipelines');
    const stageId = pipelines.items[0]!.stages[0]!.id as string;
    // Moves recorded without a version, against version 1, and against a later version 2.
    const pipelineId = pipelines.items[0]!.id as string;
    const { body: proc } = await w.as(w.admin).get(`/api/v1/pipelines/${pipelineId}/process`);
    await w.as(w.admin).patch(`/api/v1/stages/${stageId}`, { version: proc.pipeline.version, guidance: 'v2' });
    const { body: versions } = await w.as(w.admin).get(`/api/v1/pipelines/${pipelineId}/versions`);
    const versionIds = [null, ...versions.items.map((v: { id: string; number: number }) => v.id).sort()] as (string | null)[];
    const deals: string[] = [];
    for (const o of owners) deals.push((await w.as(w.admin).post('/api/v1/deals', { name: 'd', amount: 1, closeDate: '2027-01-01', ownerId: o.id })).body.id);
    let run = 0;

    await fc.assert(
      fc.asyncProperty(fc.array(arbMove, { maxLength: 25 }), async (moves) => {
        // Each run lives in its own three weeks, so runs never see each other's moves.
        const base = Date.UTC(2020, 0, 6) + run++ * 4 * WEEK;
        const facts: (MoveFacts & { id: string; owner: number; at: number; version: string | null })[] = moves.map((m) => ({
          owner: m.owner,
          version: versionIds[m.version] ?? null,
          at: base + m.offset,
          criteriaMet: m.criteriaMet && !m.override,
          overrideReason: m.override ? 'because' : null,
          // A verdict exists only on an override, as the review service allows.
          overrideVerdict: m.override ? m.verdict : null,
          id: newId(),
          skipped: m.skipped,
          direction: m.direction,
          fromProbability: m.from,
          toProbability: m.to,
        }));
        if (facts.length > 0) {
          await env()
            .database.db.insertInto('stage_moves')
            .values(
              facts.map((m) => ({
                id: m.id,
                workspace_id: w.id,
                deal_id: deals[m.owner] as string,
                actor_id: null,
                at: m.at,
                from_stage_id: null,
                to_stage_id: stageId,
                from_position: null,
                to_position: 1,
                from_probability: m.fromProbability,
                to_probability: m.toProbability,
                process_version_id: m.version,
                criteria_met: m.criteriaMet ? 1 : 0,
                missing: '[]',
                override_reason: m.overrideReason,
                skipped: m.skipped,
                direction: m.direction,
                via: 'api',
                owner_id: owners[m.owner]?.id as string,
              })),
            )
            .execute();
          const reviewed = facts.filter((m) => m.overrideVerdict);
          if (reviewed.length > 0)
            await env()
              .database.db.insertInto('override_reviews')
              .values(
                reviewed.map((m) => ({
                  id: newId(),
                  workspace_id: w.id,
                  stage_move_id: m.id,
                  deal_id: deals[m.owner] as string,
                  verdict: m.overrideVerdict as 'accepted' | 'challenged',
                  comment: null,
                  reviewer_id: w.admin.id,
                  reviewed_at: m.at,
                  version: 1,
                  updated_at: m.at,
                })),
              )
              .execute();
        }
        const f = { workspaceId: w.id, scope: { all: true } as const, ownerIds: null, pipelineId: null };
        const end = base + 3 * WEEK;
        const strip = ({ key: _k, ...sums }: { key: unknown } & typeof ZERO_SUMS) => sums;

        const [total] = await moveSums(env().database.db, f, base, end, { by: 'none' });
        expect(total ? strip(total) : ZERO_SUMS).toEqual(sumMoves(facts));

        const perOwner = await moveSums(env().database.db, f, base, end, { by: 'owner' });
        for (const [i, o] of owners.entries()) {
          const row = perOwner.find((r) => r.key === o.id);
          expect(row ? strip(row) : ZERO_SUMS).toEqual(sumMoves(facts.filter((m) => m.owner === i)));
        }

        const bounds = [base, base + WEEK, base + 2 * WEEK, end];
        const weekly = await moveSums(env().database.db, f, base, end, { by: 'week', bounds });
        let sum = ZERO_SUMS;
        for (let k = 0; k < 3; k++) {
          const row = weekly.find((r) => r.key === k);
          const expected = sumMoves(facts.filter((m) => m.at >= (bounds[k] as number) && m.at < (bounds[k + 1] as number)));
          expect(row ? strip(row) : ZERO_SUMS).toEqual(expected);
          sum = addSums(sum, expected);
        }
        expect(sum).toEqual(sumMoves(facts));

        const perVersion = await moveSums(env().database.db, f, base, end, { by: 'version' });
        for (const v of versionIds) {
          const row = perVersion.find((r) => r.key === v);
          const expected = sumMoves(facts.filter((m) => m.version === v));
          expect(row ? strip(row) : ZERO_SUMS).toEqual(expected);
          if (v === null) continue;
          const [only] = await moveSums(env().database.db, { ...f, processVersionId: v }, base, end, { by: 'none' });
          expect(only ? strip(only) : ZERO_SUMS).toEqual(expected);
        }
      }),
      { numRuns: 30 },
    );
  });
});
