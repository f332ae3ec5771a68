// The sales SLA clocks of a lead: accept-or-reject and first human touch, each counted in business
// minutes from routing. Pure. "At risk" once three quarters of the allowance is used.
import type { SalesSla } from '../../api/lead-agreements.js';
import { addBusinessMinutes, type BusinessCalendar, businessMinutesBetween } from './business-hours.js';

export type ClockState = 'on_track' | 'at_risk' | 'breached' | 'met' | 'none';

export interface Clock {
  state: ClockState;
  dueAt: number | null;
  minutesLeft: number | null;
}

export const AT_RISK_SHARE = 0.75;

/** One clock: allowance in business hours from `from`, stopped at `doneAt`. */
export function clockOf(cal: BusinessCalendar, from: number | null, allowanceHours: number | null, doneAt: number | null, now: number): Clock {
  if (from === null || allowanceHours === null) return { state: 'none', dueAt: null, minutesLeft: null };
  const allowance = allowanceHours * 60;
  const dueAt = addBusinessMinutes(cal, from, allowance);
  if (doneAt !== null) {
    const used = businessMinutesBetween(cal, from, doneAt);
    return { state: used <= allowance ? 'met' : 'breached', dueAt, minutesLeft: null };
  }
  const used = businessMinutesBetween(cal, from, now);
  const left = allowance - used;
  return { state: left < 0 ? 'breached' : used >= allowance * AT_RISK_SHARE ? 'at_risk' : 'on_track', dueAt, minutesLeft: Math.round(left * 10) / 10 };
}

export interface LeadClocks {
  accept: Clock;
  firstTouch: Clock;
}

export interface LeadTimes {
  routedAt: number | null;
  acceptedAt: number | null;
  rejectedAt: number | null;
  firstTouchAt: number | null;
}

export function leadClocks(cal: BusinessCalendar, sla: SalesSla | null, lead: LeadTimes, now: number): LeadClocks {
  const decidedAt = lead.acceptedAt ?? lead.rejectedAt;
  return {
    accept: clockOf(cal, lead.routedAt, sla?.acceptWithinHours ?? null, decidedAt, now),
    // A rejected lead needs no touch: its touch clock stops with the rejection.
    firstTouch: clockOf(cal, lead.routedAt, sla?.firstTouchWithinHours ?? null, lead.firstTouchAt ?? lead.rejectedAt, now),
  };
}

/** Both clocks met: the lead complied with the SLA (the compliance KPI counts these). */
export function compliant(cal: BusinessCalendar, sla: SalesSla, lead: LeadTimes): boolean {
  const c = leadClocks(cal, sla, lead, Number.MAX_SAFE_INTEGER);
  return c.accept.state === 'met' && c.firstTouch.state === 'met';
}
