import { expect, it } from 'vitest';
import { newId } from '../../ids.js';
import { describeEngines } from '../../test/test-env.js';
import { defineDemoProcess, recordDemoGateChecks } from './process.js';

describeEngines('demo process', (env) => {
  it('defines criteria on every open stage as one new version, and records gate results of simulated moves', async () => {
    const w = await env().workspace();
    const db = env().database.db;
    const { body: list } = await w.as(w.admin).get('/api/v1/pipelines');
    const pipelineId = list.items[0]!.id as string;
    const demo = await db.transaction().execute((tx) => defineDemoProcess(tx, { workspaceId: w.id, pipelineId, adminId: w.admin.id, now: env().clock.now }));
    expect(demo.overridePositions).toEqual([1, 3, 4, 5]);
    expect(Object.values(demo.criteriaByPosition).map((c) => c.length)).toEqual([2, 2, 2, 3, 3]);

    const { body: proc } = await w.as(w.admin).get(`/api/v1/pipelines/${pipelineId}/process`);
    expect(proc.currentVersion).toMatchObject({ id: demo.processVersionId, number: 2 });
    expect(proc.stages[1]).toMatchObject({ name: 'Discovery', allowOverride: false });
    expect(proc.stages[2]?.criteria[0]).toMatchObject({ kind: 'qualification', minScore: 15 });
    expect(proc.fieldChoices).toEqual(expect.arrayContaining([{ field: 'custom.budget_holder', label: 'Budget holder' }]));

    // A live move is gated by the demo process: the rep sees what is missing.
    const { body: deal } = await w.as(w.admin).post('/api/v1/deals', { name: 'Live', amount: 1_00, closeDate: '2027-01-01' });
    const blocked = await w.as(w.admin).post(`/api/v1/deals/${deal.id}/move`, { version: 1, stageId: proc.stages[1]!.id });
    expect(blocked.body.error?.details.missing.map((m: { label: string }) => m.label)).toEqual(['Budget holder named', 'Pain confirmed in the buyer’s words']);

    // A simulated move that skipped Discovery with its pain criterion missing (named by label, as ./criteria.ts does).
    const moveId = newId();
    await db
      .insertInto('stage_moves')
      .values({
        id: moveId,
        workspace_id: w.id,
        deal_id: deal.id,
        actor_id: w.admin.id,
        at: env().clock.now,
        from_stage_id: proc.stages[0]!.id,
        to_stage_id: proc.stages[2]!.id,
        from_position: 1,
        to_position: 3,
        from_probability: 10,
        to_probability: 40,
        process_version_id: demo.processVersionId,
        criteria_met: 0,
        missing: JSON.stringify([
          { criterionId: 'qualify-pain', stageId: proc.stages[0]!.id, stageName: 'Qualify', kind: 'checklist', label: 'Pain confirmed in the buyer’s words' },
        ]),
        override_reason: 'Demo',
        skipped: 1,
        direction: 1,
        via: 'board',
        owner_id: w.admin.id,
      })
      .execute();
    expect(await recordDemoGateChecks(db, { workspaceId: w.id, pipelineId })).toBe(4);
    expect(await recordDemoGateChecks(db, { workspaceId: w.id, pipelineId })).toBe(0);
    const checks = await db.selectFrom('stage_move_checks').select(['criterion_id', 'met']).where('move_id', '=', moveId).execute();
    const label = new Map(proc.stages.flatMap((s: { criteria: { id: string; label: string }[] }) => s.criteria.map((c) => [c.id, c.label])));
    expect(Object.fromEntries(checks.map((c) => [label.get(c.criterion_id), c.met]))).toEqual({
      'Budget holder named': 1,
      'Pain confirmed in the buyer’s words': 0,
      'Discovery meeting logged': 1,
      'Decision process mapped': 1,
    });
  });
});
