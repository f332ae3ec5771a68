// How the Year page words its figures: shares as whole percents, days whole, deals to one decimal.
export const percent = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v * 100)} %`);
export const days = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v)} days`);
export const count = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v >= 10 ? String(Math.round(v)) : v.toFixed(1));
/** "Mar" from a month key's label ("March 2027"). */
export const shortLabel = (label: string) => label.slice(0, 3);

/**
 * The Year page's weekly discipline index of one scope: a person by `userId` (with their team, for
 * the list of its people), a team or the organisation by `team`. A manager can send it to a rep.
 */
export function yearIndexLink(scope: { kind: 'workspace' | 'team' | 'rep'; id: string }, teamId?: string): string {
  const q = new URLSearchParams({ by: 'week' });
  if (scope.kind === 'rep') {
    if (teamId) q.set('team', teamId);
    q.set('userId', scope.id);
  } else q.set('team', scope.id);
  return `/year?${q}`;
}
