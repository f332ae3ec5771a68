// The lead lifecycle: which status may follow which. Pure; every status change is checked here.
import type { LeadStatus } from '../../api/leads.js';

const NEXT: Record<LeadStatus, readonly LeadStatus[]> = {
  new: ['mql', 'recycled'],
  mql: ['accepted', 'rejected'],
  accepted: ['sql', 'rejected', 'recycled'],
  rejected: ['recycled'],
  sql: ['converted', 'recycled'],
  converted: [],
  // A recycled lead that engages again is scored again and can become an MQL once more.
  recycled: ['mql'],
};

export function canMove(from: LeadStatus, to: LeadStatus): boolean {
  return NEXT[from].includes(to);
}

export function allowedNext(from: LeadStatus): readonly LeadStatus[] {
  return NEXT[from];
}
