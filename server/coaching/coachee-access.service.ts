// Reading about one coachee: whether the caller reaches their coaching records, and people's names.
import { type Ctx, memo } from '../context.js';
import { notFound } from '../errors.js';
import { listUsers } from '../identity/users.service.js';
import { coachingScopeOrNull, reaches } from './coaching-scope.service.js';

/** Names of the workspace's people, once per request. */
export function userNames(ctx: Ctx): Promise<Map<string, string>> {
  return memo(ctx, 'coaching:user-names', async () => new Map((await listUsers(ctx)).map((u) => [u.id, u.name])));
}

/** The coachee, when the caller reads their coaching records; 404 otherwise, as a missing one. */
export async function reachableCoachee(ctx: Ctx, coacheeId: string): Promise<{ id: string; name: string }> {
  const user = (await userNames(ctx)).get(coacheeId);
  if (user === undefined || !reaches(await coachingScopeOrNull(ctx, 'read'), ctx, { coacheeId })) throw notFound('User');
  return { id: coacheeId, name: user };
}
