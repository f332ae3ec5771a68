// Who the caller coaches, for other capabilities: the KPI scope lets a coach read their coachees'
// figures (measurement/scope.service.ts).
import type { Ctx } from '../context.js';
import { myCoacheeIds } from './coaching-scope.service.js';

export function coacheesOfCaller(ctx: Ctx): Promise<string[]> {
  return myCoacheeIds(ctx);
}
