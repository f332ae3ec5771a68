import type { Ctx } from '../context.js';
import type { Role } from '../db/schema/identity.js';
import { forbidden } from '../errors.js';

export function requireRole(ctx: Ctx, ...roles: Role[]): void {
  if (!roles.includes(ctx.actor.role)) throw forbidden(`Only ${roles.join(' or ')} users can do this`);
}
