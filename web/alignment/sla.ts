// How an SLA clock reads on screen. Pure.
import type { Lead } from '../../api/leads';

type Clock = Lead['sla']['accept'];

export const SLA_COLOR: Record<Clock['state'], string> = { on_track: 'teal', at_risk: 'orange', breached: 'red', met: 'gray', none: 'gray' };
export const SLA_LABEL: Record<Clock['state'], string> = { on_track: 'On track', at_risk: 'At risk', breached: 'Breached', met: 'Met', none: '—' };

/** "2 h 15 min left", "40 min late" — business minutes. */
export function slaText(clock: Clock): string {
  if (clock.minutesLeft === null) return SLA_LABEL[clock.state];
  const m = Math.abs(Math.round(clock.minutesLeft));
  const span = m >= 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min`;
  return clock.minutesLeft < 0 ? `${span} late` : `${span} left`;
}

export const leadName = (l: Pick<Lead, 'firstName' | 'lastName' | 'email' | 'company'>) =>
  [l.firstName, l.lastName].filter(Boolean).join(' ') || l.email || l.company || 'Lead';

export const STATUS_LABEL: Record<Lead['status'], string> = {
  new: 'New',
  mql: 'MQL',
  accepted: 'Accepted (SAL)',
  rejected: 'Rejected',
  sql: 'SQL',
  converted: 'Converted',
  recycled: 'Recycled',
};
