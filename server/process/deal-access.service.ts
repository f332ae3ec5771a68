// The deal a process use case works on, seen through the caller's visibility: a deal outside the
// scope answers 404 like a missing one; writing needs update reach on its owner.
import type { Deal } from '../../api/deals.js';
import type { Ctx } from '../context.js';
import { getDeal } from '../crm/deals.service.js';
import { notFound } from '../errors.js';
import { ownerScope, scopeIncludes } from '../identity/visibility.js';

export function readableDeal(ctx: Ctx, id: string): Promise<Deal> {
  return getDeal(ctx, id);
}

export async function writableDeal(ctx: Ctx, id: string): Promise<Deal> {
  const deal = await getDeal(ctx, id);
  if (!scopeIncludes(await ownerScope(ctx, 'deals', 'update'), deal.ownerId)) throw notFound('Deal');
  return deal;
}
