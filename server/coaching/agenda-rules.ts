// Pure rules of the prepared agenda: why a deal is at risk (the same three tests process adherence
// counts: past the stage's time limit, past its close date, no open activity scheduled), which way
// the focus metric is going, and the agenda as text.
import type { RiskReason } from '../../api/coaching-agenda.js';
import { DAY_MS } from './cadence.js';

export interface RiskCandidate {
  stageEnteredAt: number;
  agingDays: number | null;
  closeDate: string;
  hasNextStep: boolean;
}

export function riskReasons(d: RiskCandidate, now: number, today: string): RiskReason[] {
  const reasons: RiskReason[] = [];
  if (d.agingDays !== null && now - d.stageEnteredAt > d.agingDays * DAY_MS) reasons.push('past_stage_limit');
  if (d.closeDate < today) reasons.push('past_close_date');
  if (!d.hasNextStep) reasons.push('no_next_step');
  return reasons;
}

export type Direction = 'improving' | 'worsening' | 'flat' | null;

/** The last value against the one before it (nulls skipped), read through which way is better. */
export function direction(values: readonly (number | null)[], better: 'higher' | 'lower'): Direction {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return null;
  const last = known[known.length - 1] as number;
  const before = known[known.length - 2] as number;
  // Within a thousandth of the earlier value counts as unchanged.
  if (Math.abs(last - before) <= Math.abs(before) * 1e-3) return 'flat';
  return last > before === (better === 'higher') ? 'improving' : 'worsening';
}

export interface AgendaTextInput {
  focus: { name: string; direction: Direction; latest: string | null };
  deals: readonly { name: string; reasons: readonly RiskReason[] }[];
  actions: readonly { text: string; dueDate: string | null; ownerName: string }[];
  lastNotes: string | null;
  reviews: readonly { dealName: string; findings: string }[];
}

const REASON_TEXT: Record<RiskReason, string> = {
  past_stage_limit: 'past the stage’s time limit',
  past_close_date: 'past its close date',
  no_next_step: 'no next step',
};

/** A plain-text agenda, one heading per part, parts with nothing to say left out. */
export function agendaText(a: AgendaTextInput): string {
  const parts: string[] = [];
  const trend = a.focus.direction === null ? '' : `, ${a.focus.direction}`;
  parts.push(`Focus: ${a.focus.name}${a.focus.latest === null ? '' : ` (${a.focus.latest}${trend})`}`);
  if (a.lastNotes) parts.push(`Since last session:\n${a.lastNotes}`);
  if (a.actions.length > 0)
    parts.push(`Overdue actions:\n${a.actions.map((x) => `- ${x.text} (${x.ownerName}${x.dueDate ? `, due ${x.dueDate}` : ''})`).join('\n')}`);
  if (a.deals.length > 0) parts.push(`Deals at risk:\n${a.deals.map((d) => `- ${d.name}: ${d.reasons.map((r) => REASON_TEXT[r]).join(', ')}`).join('\n')}`);
  if (a.reviews.length > 0) parts.push(`Deal reviews:\n${a.reviews.map((r) => `- ${r.dealName}: ${r.findings}`).join('\n')}`);
  return parts.join('\n\n');
}
