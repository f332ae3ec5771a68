// Puts the pieces together: workspace, organisation, accounts, then deals in chunks (simulated,
// with their history and activities) written in multi-row batches. The demo writes everything in
// one transaction; the scale generator streams one transaction per chunk.
import type { Kysely } from 'kysely';
import { loadConfig } from '../../config.js';
import type { Ctx } from '../../context.js';
import { stayRows } from '../../crm/stage-stays.repo.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { deferWordIndex } from '../../db/search-word-index-bulk.js';
import { type AccountBook, planAccounts } from './accounts.js';
import { type ActivityContext, type ActivityRow, dealActivities, prospecting } from './activities.js';
import { DAY, HOUR } from './calendar.js';
import { type SimProcess, simProcessOf } from './criteria.js';
import { campaignCalendar, type DealSeed, type DealWorld, planDeal, repWeights } from './deal-plan.js';
import { type ChangeRow, type DealRow, type SimContext, type SimulatedDeal, type StageMoveRow, simulateDeal } from './deals-sim.js';
import type { OrgPlan, RepSeat } from './org.js';
import { gateCertification } from './practice-plan.js';
import { changeDemoProcess, defineDemoProcess, demoChangeAt, recordDemoGateChecks, recordDemoQualification } from './process.js';
import { hash32, type IdFactory, idFactory, Rng, rngFor, stringSeed } from './random.js';
import type { SeedWorkspace } from './workspace.js';
import { insertRows, type Sink } from './writer.js';

/** The demo is the same for a given `now`: every stream derives from this constant. */
export const SEED = 0x5eed2026;
const STREAM = { accounts: 1, deals: 2, prospecting: 3, org: 4, qualification: 5 } as const;

export interface Volume {
  deals: number;
  accounts: number;
  /** Mean activities logged around a deal. */
  perDeal: number;
  /** Prospecting touches per rep and week, outside any deal. */
  prospectingPerWeek: number;
  /** Deals per transaction; Infinity writes everything in one. */
  chunk: number;
}

export interface Timeline {
  now: number;
  /** When the first deals were opened. */
  windowStart: number;
  /** When the workspace was set up. */
  createdAt: number;
  /** When the CSO changed the process mid-year (a new process version). */
  processChangeAt: number;
}

/**
 * The workspace went live three months before the year the demo shows, so that year starts with a
 * pipeline in flight instead of a ramp-up, and every month of it has a full set of closes.
 */
export function timelineFor(now: number): Timeline {
  const createdAt = now - (365 + 90) * DAY;
  return { now, windowStart: createdAt + 2 * DAY, createdAt, processChangeAt: demoChangeAt(now) };
}

/** Ids start at the seeding instant, like ids the app makes; their random part is per workspace. */
export function idsFor(workspaceId: string, now: number): IdFactory {
  return idFactory(new Rng(hash32(SEED, stringSeed(workspaceId))), now);
}

export const orgRng = (): Rng => rngFor(SEED, STREAM.org);

interface Totals {
  deals: number;
  /** Per-criterion gate results of the moves, for gate calibration. */
  checks: number;
  moves: number;
  changes: number;
  activities: number;
}

export interface DealChunk {
  deals: DealRow[];
  moves: StageMoveRow[];
  changes: ChangeRow[];
  activities: ActivityRow[];
}

export interface SimWorld {
  world: DealWorld;
  weights: ReturnType<typeof repWeights>;
  sim: SimContext;
  acts: ActivityContext;
}

export function buildWorld(ws: SeedWorkspace, org: OrgPlan, book: AccountBook, t: Timeline, process: SimProcess, ids: IdFactory, perDeal: number): SimWorld {
  const teams = new Map<string, RepSeat[]>();
  for (const r of org.reps) teams.set(r.teamId, [...(teams.get(r.teamId) ?? []), r]);
  return {
    world: { reps: org.reps, book, campaigns: campaignCalendar(t.windowStart), windowStart: t.windowStart, now: t.now },
    weights: repWeights(org.reps),
    sim: {
      workspaceId: ws.workspaceId,
      pipelineId: ws.pipelineId,
      process,
      currency: 'EUR',
      now: t.now,
      stages: ws.stages,
      teams,
      ids,
      certified: gateCertification({ reps: org.reps, createdAt: t.createdAt, now: t.now }),
    },
    acts: { workspaceId: ws.workspaceId, now: t.now, ids, perDeal },
  };
}

/** Deal number i, from its own stream, so chunking never changes the data. */
export function simulateOne(w: SimWorld, i: number): { seed: DealSeed; sim: SimulatedDeal; activities: ActivityRow[] } {
  const rng = rngFor(SEED, STREAM.deals, i);
  const seed = planDeal(w.world, w.weights, rng);
  const sim = simulateDeal(w.sim, seed, rng);
  return { seed, sim, activities: dealActivities(w.acts, sim, seed, rng) };
}

export function simulateChunk(w: SimWorld, from: number, to: number): DealChunk {
  const out: DealChunk = { deals: [], moves: [], changes: [], activities: [] };
  for (let i = from; i < to; i++) {
    const { sim, activities } = simulateOne(w, i);
    out.deals.push(sim.deal);
    out.moves.push(...sim.moves);
    out.changes.push(...sim.changes);
    out.activities.push(...activities);
  }
  return out;
}

/**
 * The chunk's stays, from its stage history as the stays writer chains them (crm/stage-stays.repo.ts):
 * one per stage_id change, keeping its id, as the migration's backfill does. The simulator writes
 * each deal's history in time order and imports nothing.
 */
function chunkStays(chunk: DealChunk) {
  const pipelineOf = new Map(chunk.deals.map((d) => [d.id, d.pipeline_id]));
  return stayRows(
    chunk.changes.flatMap((c) => {
      const pipelineId = pipelineOf.get(c.entity_id);
      if (c.entity !== 'deal' || c.field !== 'stage_id' || c.to_value === null || pipelineId === undefined) return [];
      return [{ id: c.id, workspaceId: c.workspace_id, dealId: c.entity_id, pipelineId, stageId: c.to_value, at: c.at, imported: false }];
    }),
  );
}

async function writeChunk(sink: Sink, chunk: DealChunk): Promise<void> {
  await insertRows(sink, 'deals', chunk.deals);
  await insertRows(sink, 'stage_moves', chunk.moves);
  await insertRows(sink, 'changes', chunk.changes);
  await insertRows(sink, 'stage_stays', chunkStays(chunk));
  await insertRows(sink, 'activities', chunk.activities);
}

async function writeOrgAndAccounts(sink: Sink, ws: SeedWorkspace, org: OrgPlan, book: AccountBook, t: Timeline) {
  const at = t.createdAt;
  await insertRows(
    sink,
    'teams',
    org.teams.map((team) => ({
      id: team.id,
      workspace_id: ws.workspaceId,
      name: team.name,
      parent_id: team.parentId,
      manager_id: team.managerId,
      created_at: at,
      updated_at: at,
      version: 1,
    })),
  );
  await insertRows(
    sink,
    'users',
    org.users.map((u) => ({
      id: u.id,
      workspace_id: ws.workspaceId,
      email: u.email,
      name: u.name,
      role: u.role,
      team_id: u.teamId,
      password_hash: ws.passwordHash,
      disabled_at: null,
      created_at: at,
      updated_at: at,
      version: 1,
    })),
  );
  await insertRows(sink, 'accounts', book.accounts);
  await insertRows(sink, 'contacts', book.contacts);
  await insertRows(sink, 'changes', book.changes);
}

/** The accounts and contacts; the territory is imported the day after set-up. */
export function bookFor(ws: SeedWorkspace, org: OrgPlan, t: Timeline, count: number, ids: IdFactory): AccountBook {
  return planAccounts(
    { workspaceId: ws.workspaceId, reps: org.reps, count, adminId: ws.adminId, importAt: t.createdAt + DAY + 2 * HOUR, windowStart: t.windowStart, now: t.now },
    rngFor(SEED, STREAM.accounts),
    ids,
  );
}

export interface PopulateInput {
  ws: SeedWorkspace;
  org: OrgPlan;
  timeline: Timeline;
  volume: Volume;
  ids: IdFactory;
  log: (message: string) => void;
}

/** The CSO acting through the services (as the CLI does), at a fixed instant. */
async function adminCtx(tx: Kysely<DB>, database: Database, ws: SeedWorkspace, at: number): Promise<Ctx> {
  const admin = await tx.selectFrom('users').select(['name', 'email']).where('id', '=', ws.adminId).executeTakeFirstOrThrow();
  return {
    db: tx,
    dialect: database.dialect,
    actor: { userId: ws.adminId, workspaceId: ws.workspaceId, role: 'admin', teamId: null, name: admin.name, email: admin.email, via: 'system' },
    now: () => at,
    config: loadConfig({}),
    memo: new Map(),
  };
}

/** Everything below the workspace. One transaction for the demo, one per chunk at scale. */
export async function populate(database: Database, input: PopulateInput): Promise<Totals> {
  const { ws, org, timeline: t, volume, ids, log } = input;
  const { db } = database;
  const sinkOf = (tx: Kysely<DB>): Sink => ({ db: tx, engine: database.engine, sqlite: database.sqlite });
  const book = bookFor(ws, org, t, volume.accounts, ids);
  const totals: Totals = { checks: 0, deals: 0, moves: 0, changes: book.changes.length, activities: 0 };
  const oneTransaction = !Number.isFinite(volume.chunk);
  const started = Date.now();
  // SQLite: search's word index filled once per transaction, not by a trigger per row.
  const indexedOnce =
    <T>(fn: (tx: Kysely<DB>) => Promise<T>) =>
    async (tx: Kysely<DB>): Promise<T> => {
      const finish = database.sqlite ? deferWordIndex(database.sqlite) : null;
      const out = await fn(tx);
      finish?.();
      return out;
    };

  const run = async (tx: Kysely<DB>) => {
    // The CSO defined the process an hour after setting the workspace up; every move is checked against it.
    const demo = await defineDemoProcess(tx, { workspaceId: ws.workspaceId, pipelineId: ws.pipelineId, adminId: ws.adminId, now: t.createdAt + HOUR });
    await writeOrgAndAccounts(sinkOf(tx), ws, org, book, t);
    // On 1 July the CSO adds an exit criterion in Settings → Process: a new version; later moves are checked against it.
    const change = await changeDemoProcess(await adminCtx(tx, database, ws, t.processChangeAt), ws.pipelineId);
    log(`${org.users.length + 1} users in ${org.teams.length} teams, ${book.accounts.length} accounts, ${book.contacts.length} contacts`);
    return buildWorld(ws, org, book, t, simProcessOf(demo, change), ids, volume.perDeal);
  };
  const step = async (tx: Kysely<DB>, w: SimWorld, from: number) => {
    const chunk = simulateChunk(w, from, Math.min(volume.deals, from + (oneTransaction ? volume.deals : volume.chunk)));
    await writeChunk(sinkOf(tx), chunk);
    totals.deals += chunk.deals.length;
    totals.moves += chunk.moves.length;
    totals.changes += chunk.changes.length;
    totals.activities += chunk.activities.length;
  };
  const prospect = async (tx: Kysely<DB>, w: SimWorld) => {
    const rows: ActivityRow[] = [];
    for (const [i, rep] of org.reps.entries())
      rows.push(...prospecting(w.acts, rep, book, t.windowStart, volume.prospectingPerWeek, rngFor(SEED, STREAM.prospecting, i)));
    await insertRows(sinkOf(tx), 'activities', rows);
    totals.activities += rows.length;
  };

  if (oneTransaction) {
    await db.transaction().execute(
      indexedOnce(async (tx) => {
        const w = await run(tx);
        await step(tx, w, 0);
        await prospect(tx, w);
        totals.checks = await recordDemoGateChecks(tx, { workspaceId: ws.workspaceId, pipelineId: ws.pipelineId });
        await recordDemoQualification(tx, { workspaceId: ws.workspaceId, pipelineId: ws.pipelineId, now: t.now }, rngFor(SEED, STREAM.qualification));
      }),
    );
  } else {
    const w = await db.transaction().execute(indexedOnce(run));
    let reported = 0;
    for (let from = 0; from < volume.deals; from += volume.chunk) {
      await db.transaction().execute(indexedOnce((tx) => step(tx, w, from)));
      const pct = Math.floor((100 * totals.deals) / volume.deals);
      if (pct >= reported + 5 || totals.deals === volume.deals) {
        reported = pct;
        const seconds = (Date.now() - started) / 1000;
        const rows = totals.deals + totals.moves + totals.changes + totals.activities;
        log(`${totals.deals}/${volume.deals} deals (${pct}%), ${rows} rows, ${Math.round(rows / seconds)} rows/s`);
      }
    }
    await db.transaction().execute(indexedOnce((tx) => prospect(tx, w)));
    log('prospecting written; recording the gate result of every move…');
    totals.checks = await db.transaction().execute((tx) => recordDemoGateChecks(tx, { workspaceId: ws.workspaceId, pipelineId: ws.pipelineId }));
    await db
      .transaction()
      .execute((tx) => recordDemoQualification(tx, { workspaceId: ws.workspaceId, pipelineId: ws.pipelineId, now: t.now }, rngFor(SEED, STREAM.qualification)));
  }
  log(
    `${totals.deals} deals, ${totals.moves} stage moves (${totals.checks} criterion checks), ${totals.changes} history rows, ${totals.activities} activities in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return totals;
}
