// The demo's planning and practice: the practice year (scenarios, role-plays, certifications) and
// the call plans, in one transaction after the deals and their gate results exist. The deal
// simulation already asked the same practice year whether an owner was certified at each move.
import type { Database } from '../../db/database.js';
import { seedDemoCallPlans } from './call-plans.js';
import type { RepSeat } from './org.js';
import { seedDemoPractice } from './practice.js';
import { rngFor } from './random.js';

const CALL_PLAN_SEED = 0xca11_b1a7;

export interface PlanningPracticeInput {
  workspaceId: string;
  pipelineId: string;
  adminId: string;
  reps: readonly RepSeat[];
  /** When the workspace was set up. */
  createdAt: number;
  now: number;
  log: (message: string) => void;
}

export async function seedPlanningPractice(database: Database, input: PlanningPracticeInput): Promise<void> {
  const started = Date.now();
  await database.db.transaction().execute(async (tx) => {
    const sink = { db: tx, engine: database.engine, sqlite: database.sqlite };
    const practice = await seedDemoPractice(sink, { ...input, managerIds: [...new Set(input.reps.map((r) => r.managerId))] });
    const plans = await seedDemoCallPlans(sink, input, rngFor(CALL_PLAN_SEED));
    input.log(
      `  ${plans.plans} call plans (${plans.reviewed} reviewed, ${plans.debriefed} debriefed; ${plans.meetingsAdded} meetings booked for them), ` +
        `${practice.scenarios} practice scenarios, ${practice.attempts} role-plays (${practice.ratings} skill ratings), ${practice.certifications} certifications in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });
}
