// The focus metric of a coachee: the KPI of their running objective, else win rate.
import type { Ctx } from '../context.js';
import { runningObjective } from './objectives.repo.js';
import { today } from './sessions.service.js';

export const DEFAULT_FOCUS_KPI = 'win_rate';

export interface FocusMetric {
  kpiId: string;
  source: 'objective' | 'suggestion' | 'default';
  skillKey: string | null;
}

export async function focusMetric(ctx: Ctx, coacheeId: string): Promise<FocusMetric> {
  const objective = await runningObjective(ctx.db, ctx.actor.workspaceId, coacheeId, await today(ctx));
  if (objective) return { kpiId: objective.kpi_id, source: 'objective', skillKey: objective.skill_key };
  return { kpiId: DEFAULT_FOCUS_KPI, source: 'default', skillKey: null };
}
