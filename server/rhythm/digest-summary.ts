// Pure: the lines of a person's weekly digest, from figures only. It never names a record (no deal,
// no person, no team): the digest reaches people whose reach differs, and numbers cannot leak names.

export interface DigestFigures {
  currency: string;
  /** The reader's own plan (a rep), their teams' (a manager) or the organisation's (an admin). */
  planting: { neededToDate: number; plantedToDate: number; behindFixable: number; behindTooLate: number; catchUpPerMonth: number | null } | null;
  overdueActions: number;
  /** Open leads in the reader's reach whose accept or first-touch clock ran out and still runs. */
  breachedLeads: number;
  /** The reader's own open deals that do not meet their next stage's exit criteria. */
  gatedDeals: number;
  /** Expectations the reader owns that are off track now. */
  offTrack: { red: number; amber: number };
  /** Occurrences in the coming 7 days of rituals the reader owns or attends. */
  ritualsThisWeek: number;
  /** Managers and admins: the overall discipline index this month and last, and the disciplines fading. */
  discipline: { overall: number | null; previous: number | null; fading: readonly string[] } | null;
}

function money(minor: number, currency: string): string {
  const major = Math.round(minor) / 100;
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(
      major,
    );
  } catch {
    return `${major.toFixed(0)} ${currency}`;
  }
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function digestLines(f: DigestFigures): string[] {
  const lines: string[] = [];
  if (f.planting) {
    const p = f.planting;
    const base = `planted ${money(p.plantedToDate, f.currency)} of ${money(p.neededToDate, f.currency)} needed to date`;
    if (p.behindFixable > 0 && p.catchUpPerMonth !== null)
      lines.push(
        `${base}; behind in ${p.behindFixable} month${p.behindFixable === 1 ? '' : 's'} — plant ${money(p.catchUpPerMonth, f.currency)} extra a month`,
      );
    else if (p.behindTooLate > 0) lines.push(`${base}; ${p.behindTooLate} month${p.behindTooLate === 1 ? '' : 's'} behind, too late for this year`);
    else lines.push(`${base}; on track`);
  }
  if (f.breachedLeads > 0) lines.push(`${plural(f.breachedLeads, 'lead')} past the SLA`);
  if (f.overdueActions > 0) lines.push(`${plural(f.overdueActions, 'overdue coaching action')}`);
  if (f.gatedDeals > 0) lines.push(`${plural(f.gatedDeals, 'deal')} held at a gate`);
  const off = f.offTrack.red + f.offTrack.amber;
  if (off > 0) {
    const parts = [f.offTrack.red > 0 ? `${f.offTrack.red} red` : null, f.offTrack.amber > 0 ? `${f.offTrack.amber} amber` : null].filter(Boolean);
    lines.push(`${plural(off, 'expectation')} off track (${parts.join(', ')})`);
  }
  if (f.ritualsThisWeek > 0) lines.push(`${plural(f.ritualsThisWeek, 'ritual')} this week`);
  const d = f.discipline;
  if (d && d.overall !== null) {
    const delta = d.previous === null ? null : d.overall - d.previous;
    lines.push(`discipline index ${d.overall}${delta === null ? '' : ` (${delta >= 0 ? '+' : ''}${delta} on last month)`}`);
    if (d.fading.length > 0) lines.push(`fading: ${d.fading.join(', ')}`);
  }
  return lines.length > 0 ? lines : ['nothing needs your attention'];
}
