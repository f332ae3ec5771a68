// The large generator: the demo's simulation at the size of a big sales organisation, in a new
// workspace of its own, streamed in chunks so memory stays flat.
import type { Database } from '../../db/database.js';
import { DAY } from './calendar.js';
import { idsFor, orgRng, populate, timelineFor } from './generate.js';
import { planScaleOrg } from './org.js';
import { seedPlanningPractice } from './planning-practice.js';
import { updatePlannerStatistics } from './statistics.js';
import { createSeedWorkspace } from './workspace.js';
import { removeWorkspace } from './writer.js';

export interface ScaleOptions {
  deals: number;
  /** Mean activities per deal (default 10), prospecting included. */
  activitiesPerDeal?: number;
}

/** A rep handles about as many deals a year as in the demo; accounts per rep likewise. */
const DEALS_PER_REP = 130;
const DEALS_PER_ACCOUNT = 7;
const CHUNK = 2_000;

async function freeDomain(database: Database, now: number): Promise<string> {
  for (let i = 1; ; i++) {
    const domain = `scale-${now.toString(36)}${i > 1 ? `-${i}` : ''}.furrow.test`;
    const taken = await database.db.selectFrom('users').select('id').where('email', '=', `cso@${domain}`).executeTakeFirst();
    if (!taken) return domain;
  }
}

export async function seedScale(
  database: Database,
  now: number,
  options: ScaleOptions,
  log: (m: string) => void,
): Promise<{ workspaceId: string; logins: string[] }> {
  if (!Number.isInteger(options.deals) || options.deals < 1) throw new Error('scale.deals must be a positive integer');
  const perDeal = options.activitiesPerDeal ?? 10;
  if (!(perDeal >= 0)) throw new Error('scale.activitiesPerDeal must not be negative');
  const t = timelineFor(now);
  const domain = await freeDomain(database, now);
  const repCount = Math.max(15, Math.round(options.deals / DEALS_PER_REP));
  const ws = await createSeedWorkspace(database.db, {
    name: `Scale ${options.deals.toLocaleString('en')} deals`,
    adminEmail: `cso@${domain}`,
    adminName: 'Morgan Chief',
    createdAt: t.createdAt,
  });
  const ids = idsFor(ws.workspaceId, now);
  const org = planScaleOrg(ids, orgRng(), repCount, domain);
  log(`workspace ${ws.workspaceId}: ${repCount} reps, ${options.deals} deals, ~${perDeal} activities per deal`);
  // Random-order index inserts thrash SQLite's default 2 MB page cache once the file outgrows it.
  const cacheSize = database.sqlite?.pragma('cache_size', { simple: true });
  database.sqlite?.pragma('cache_size = -524288');
  try {
    // A tenth of all touches are prospecting outside any deal. On deals the simulation logs about
    // 1.1 required meetings and next steps plus 0.94 × its mean (measured), hence the inversion.
    const weeklyProspecting = (0.1 * perDeal * options.deals) / repCount / ((t.now - t.windowStart) / (7 * DAY));
    const dealMean = Math.max(0, (0.9 * perDeal - 1.1) / 0.94);
    await populate(database, {
      ws,
      org,
      timeline: t,
      volume: {
        deals: options.deals,
        accounts: Math.max(300, Math.round(options.deals / DEALS_PER_ACCOUNT)),
        perDeal: dealMean,
        prospectingPerWeek: weeklyProspecting,
        chunk: CHUNK,
      },
      ids,
      log,
    });
    await seedPlanningPractice(database, { ...ws, reps: org.reps, createdAt: t.createdAt, now, log });
    await updatePlannerStatistics(database, log);
  } catch (error) {
    log('generation failed; removing the partial workspace');
    await removeWorkspace(database.db, ws.workspaceId).catch(() => undefined);
    throw error;
  } finally {
    database.sqlite?.pragma(`cache_size = ${Number(cacheSize)}`);
  }
  return { workspaceId: ws.workspaceId, logins: org.logins };
}
