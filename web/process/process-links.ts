// Figures and the addresses of the records behind them. Every number on the Process page opens
// one of these drill-downs, carrying the period and scope, so the link can be shared.
import { addDays, mondayOf } from '../../lib/calendar';
import { todayLocal } from '../app/format';

export const pct = (ratio: number | null | undefined): string => (ratio === null || ratio === undefined ? '—' : `${Math.round(ratio * 100)}%`);

export interface Scope {
  from: string;
  to: string;
  pipelineId?: string | undefined;
  ownerId?: string | undefined;
  teamId?: string | undefined;
  /** Only moves checked against this process version (moves drill-down). */
  processVersionId?: string | undefined;
}

export type MoveFilter = 'all' | 'adherent' | 'nonAdherent' | 'forward' | 'adherentForward' | 'override' | 'challenged' | 'skipped' | 'backward';
export type DealFilter = 'open' | 'aging' | 'noNextStep';

function query(values: Record<string, string | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v) p.set(k, v);
  return p.toString();
}

const scopeOf = (s: Scope) => ({ pipelineId: s.pipelineId, ownerId: s.ownerId, teamId: s.teamId });

export const movesLink = (s: Scope, filter: MoveFilter, extra: Partial<Scope> = {}) =>
  `/process/moves?${query({ from: s.from, to: s.to, ...scopeOf(s), processVersionId: s.processVersionId, ...extra, filter })}`;

/** Deal figures are as of the end of the period (never later than today). */
export const dealsLink = (s: Scope, filter: DealFilter, extra: Partial<Scope> & { asOf?: string } = {}) => {
  const today = todayLocal();
  const asOf = extra.asOf ?? ([s.to, today].sort()[0] as string);
  return `/process/deals?${query({ ...scopeOf(s), ownerId: extra.ownerId ?? s.ownerId, teamId: extra.teamId ?? s.teamId, asOf, filter })}`;
};

export const calibrationDealsLink = (s: Partial<Scope>, which: { stageId?: string; criterionId?: string; met?: boolean; outcome?: 'won' | 'lost' }) =>
  `/process/calibration/deals?${query({
    from: s.from,
    to: s.to,
    pipelineId: s.pipelineId,
    ownerId: s.ownerId,
    teamId: s.teamId,
    stageId: which.stageId,
    criterionId: which.criterionId,
    met: which.met === undefined ? undefined : String(which.met),
    outcome: which.outcome,
  })}`;

export const PRESETS = [
  { value: '4', label: '4 weeks' },
  { value: '13', label: 'Quarter' },
  { value: '26', label: 'Half year' },
  { value: '52', label: 'Year' },
] as const;

/** The last n weeks up to today: from the Monday n−1 weeks back. */
export function lastWeeks(n: number, today = todayLocal()): { from: string; to: string } {
  return { from: addDays(mondayOf(today), -7 * (n - 1)), to: today };
}

export const weekEnd = (weekStart: string) => addDays(weekStart, 6);
