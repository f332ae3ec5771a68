// The demo workspace: a realistic year of a sales organisation, simulated deal by deal (see demo/).
import type { Database } from '../db/database.js';
import { seedCoaching } from './demo/coaching.js';
import { idsFor, populate, timelineFor, type Volume } from './demo/generate.js';
import { seedLeads } from './demo/leads.js';
import { seedMeasurement } from './demo/measurement.js';
import { DEMO_ADMIN, planDemoOrg } from './demo/org.js';
import { seedPlanningPractice } from './demo/planning-practice.js';
import { seedRituals } from './demo/rituals.js';
import { seedScale } from './demo/scale.js';
import { updatePlannerStatistics } from './demo/statistics.js';
import { createSeedWorkspace } from './demo/workspace.js';
import { removeWorkspace } from './demo/writer.js';

export interface SeedOptions {
  now: number;
  log?: (message: string) => void;
  /** The large generator: a separate workspace with this many deals, streamed in chunks. */
  scale?: { deals: number; activitiesPerDeal?: number };
}

export interface SeedResult {
  workspaceId: string;
  /** "role  email" lines printed after start-up. */
  logins: string[];
}

// About 2,000 of the deals fall in the year before `now`; the rest are the three months before it.
export const DEMO_VOLUME: Volume = { deals: 2_400, accounts: 300, perDeal: 9, prospectingPerWeek: 3, chunk: Number.POSITIVE_INFINITY };

export async function seedDemo(database: Database, options: SeedOptions): Promise<SeedResult> {
  const log = options.log ?? (() => undefined);
  if (options.scale) return seedScale(database, options.now, options.scale, log);

  const existing = await database.db.selectFrom('users').select('workspace_id').where('email', '=', DEMO_ADMIN.email).executeTakeFirst();
  if (existing) throw new Error(`The demo workspace exists already (${DEMO_ADMIN.email} in workspace ${existing.workspace_id})`);
  const timeline = timelineFor(options.now);
  const ws = await createSeedWorkspace(database.db, {
    name: 'Furrow Demo',
    adminEmail: DEMO_ADMIN.email,
    adminName: DEMO_ADMIN.name,
    createdAt: timeline.createdAt,
  });
  const ids = idsFor(ws.workspaceId, options.now);
  const org = planDemoOrg(ids);
  try {
    await populate(database, { ws, org, timeline, volume: DEMO_VOLUME, ids, log });
    await seedPlanningPractice(database, { ...ws, reps: org.reps, createdAt: timeline.createdAt, now: options.now, log });
    await seedMeasurement(database.db, { workspaceId: ws.workspaceId, now: options.now, log });
    await seedLeads(database.db, { workspaceId: ws.workspaceId, now: options.now, log });
    await seedRituals(database.db, { workspaceId: ws.workspaceId, now: options.now, log });
    await seedCoaching(database, { workspaceId: ws.workspaceId, now: options.now, log });
    await updatePlannerStatistics(database, log);
  } catch (error) {
    // Nothing of a half-seeded demo stays behind: every row of the workspace goes.
    await removeWorkspace(database.db, ws.workspaceId).catch(() => undefined);
    throw error;
  }
  return { workspaceId: ws.workspaceId, logins: org.logins };
}
