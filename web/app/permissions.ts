// What the screens offer per role. The server decides (identity/policy.ts); this mirror only hides
// buttons that would be refused, so nobody is invited to do what they may not.
import type { Role } from '../../api/common';

export type Resource = 'accounts' | 'contacts' | 'deals' | 'activities' | 'lead_imports' | 'deal_comments' | 'coaching';
export type Operation = 'read' | 'create' | 'update' | 'delete';

const NONE: readonly Operation[] = [];
const ALL: readonly Operation[] = ['read', 'create', 'update', 'delete'];

const ALLOWED: Record<Resource, Record<Role, readonly Operation[]>> = {
  accounts: { admin: ALL, manager: ALL, rep: ALL, marketing: ['read'], coach: NONE },
  contacts: { admin: ALL, manager: ALL, rep: ALL, marketing: ['read'], coach: NONE },
  // Reps close deals as lost instead of deleting them.
  deals: { admin: ALL, manager: ALL, rep: ['read', 'create', 'update'], marketing: NONE, coach: NONE },
  activities: { admin: ALL, manager: ALL, rep: ALL, marketing: NONE, coach: NONE },
  // A CSV of leads from another CRM: marketing and admins bring the lead history in.
  lead_imports: { admin: ['create'], manager: NONE, rep: NONE, marketing: ['create'], coach: NONE },
  // Whoever sees the deal comments on it (the rep on their own, to answer); comments are kept as said.
  deal_comments: { admin: ['read', 'create'], manager: ['read', 'create'], rep: ['read', 'create'], marketing: NONE, coach: NONE },
  // Coaching records by the coachee they are about: a rep reads their own and ticks off their action
  // items; whoever reaches a coachee (the manager up the tree, their coach, an admin) writes the rest.
  coaching: { admin: ALL, manager: ALL, rep: ['read', 'update'], marketing: NONE, coach: ALL },
};

export function can(role: Role, resource: Resource, operation: Operation): boolean {
  return ALLOWED[resource][role].includes(operation);
}
