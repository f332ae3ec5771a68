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

export interface SlaDues {
  accept_due_at: number | null;
  touch_due_at: number | null;
  attempts_due_at: number | null;
  attempts_required: number | null;
}

export const NO_DUES: SlaDues = { accept_due_at: null, touch_due_at: null, attempts_due_at: null, attempts_required: null };

const DAY = 86_400_000;

/**
 * The due instants of a routed lead's clocks, stored on the lead at routing so the compliance KPIs
 * compare instants in SQL (decision 0041). The attempts window is in calendar days.
 */
export function slaDues(cal: BusinessCalendar, sla: SalesSla | null, routedAt: number | null): SlaDues {
  if (sla === null || routedAt === null) return NO_DUES;
  return {
    accept_due_at: addBusinessMinutes(cal, routedAt, sla.acceptWithinHours * 60),
    touch_due_at: addBusinessMinutes(cal, routedAt, sla.firstTouchWithinHours * 60),
    attempts_due_at: routedAt + sla.attemptsWithinDays * DAY,
    attempts_required: sla.attempts,
  };
}

export interface Attempt {
  at: number;
  reached: boolean;
}

export type AttemptsState = 'met' | 'breached' | 'open' | 'not_needed';

/**
 * The attempts rule: a lead nobody has reached gets at least K attempts within D days of routing.
 * Met once someone reaches the lead in the window, or K attempts are made in it; not needed when
 * the lead is rejected in the window; breached when the window ends short; open until then.
 */
export function attemptsState(
  dues: Pick<SlaDues, 'attempts_due_at' | 'attempts_required'>,
  attempts: readonly Attempt[],
  rejectedAt: number | null,
  now: number,
): AttemptsState {
  const due = dues.attempts_due_at;
  const required = dues.attempts_required;
  if (due === null || required === null) return 'not_needed';
  const known = attempts.filter((a) => a.at <= Math.min(due, now));
  if (known.some((a) => a.reached) || known.length >= required) return 'met';
  if (rejectedAt !== null && rejectedAt <= Math.min(due, now)) return 'not_needed';
  return now >= due ? 'breached' : 'open';
}
