// Many open deals in one stage at once, written straight to the deals table (as the demo generator
// writes): a board column at scale without thousands of API calls. Names end in a zero-padded number
// (`<prefix> 0042`) and close dates rise with it, so the board's order (close date, then id) is the
// numbers' order.
import type { Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.js';
import { dealRow } from '../../server/test/crm-rows.js';

export interface Crowd {
  workspaceId: string;
  ownerId: string;
  stageName: string;
  count: number;
  prefix: string;
}

/** Adds the deals to the named stage of the workspace's default pipeline; returns the stage's id. */
export async function crowdStage(db: Kysely<DB>, crowd: Crowd): Promise<string> {
  const stage = await db
    .selectFrom('stages as s')
    .innerJoin('pipelines as p', 'p.id', 's.pipeline_id')
    .select(['s.id', 's.pipeline_id'])
    .where('s.workspace_id', '=', crowd.workspaceId)
    .where('p.is_default', '=', 1)
    .where('s.name', '=', crowd.stageName)
    .executeTakeFirstOrThrow();
  const now = Date.now();
  const day = (n: number) => new Date(now + n * 86_400_000).toISOString().slice(0, 10);
  const rows = Array.from({ length: crowd.count }, (_, i) =>
    dealRow({
      workspaceId: crowd.workspaceId,
      ownerId: crowd.ownerId,
      name: `${crowd.prefix} ${String(i).padStart(4, '0')}`,
      stageId: stage.id,
      pipelineId: stage.pipeline_id,
      at: now,
      amount: 1_000_00 + (i % 97) * 1_000_00,
      // A year and more ahead, one day apart: after every other deal of a journey, in number order.
      closeDate: day(400 + i),
      stageEnteredAt: now - (i % 40) * 86_400_000,
    }),
  );
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('deals')
      .values(rows.slice(i, i + 200))
      .execute();
  return stage.id;
}
