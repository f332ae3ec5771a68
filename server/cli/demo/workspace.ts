// The seeded workspace itself, created through createWorkspace: the same path as the first-run screen.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { createWorkspace } from '../../identity/workspaces.service.js';
import { findDefaultPipeline, listStageRows } from '../../process/pipelines.repo.js';
import { TIMEZONE } from './calendar.js';
import type { SimStage } from './deals-sim.js';

export const DEMO_PASSWORD = 'furrow-demo-2026';

export interface SeedWorkspace {
  workspaceId: string;
  adminId: string;
  /** argon2id of the demo password: hashed once, reused for every seeded user. */
  passwordHash: string;
  pipelineId: string;
  stages: SimStage[];
}

export async function createSeedWorkspace(
  db: Kysely<DB>,
  input: { name: string; adminEmail: string; adminName: string; createdAt: number },
): Promise<SeedWorkspace> {
  const { workspaceId, adminId } = await createWorkspace(
    db,
    {
      name: input.name,
      currency: 'EUR',
      timezone: TIMEZONE,
      fiscalYearStartMonth: 1,
      admin: { email: input.adminEmail, name: input.adminName, password: DEMO_PASSWORD },
    },
    input.createdAt,
  );
  const admin = await db.selectFrom('users').select('password_hash').where('id', '=', adminId).executeTakeFirstOrThrow();
  const pipeline = await findDefaultPipeline(db, workspaceId);
  if (!pipeline) throw new Error('createWorkspace made no default pipeline');
  const stages = (await listStageRows(db, workspaceId, pipeline.id)).map((s) => ({
    id: s.id,
    name: s.name,
    position: s.position,
    probability: s.probability,
    kind: s.kind,
    agingDays: s.aging_days,
  }));
  return { workspaceId, adminId, passwordHash: admin.password_hash as string, pipelineId: pipeline.id, stages };
}
