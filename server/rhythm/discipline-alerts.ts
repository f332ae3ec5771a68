// Pure: which "below the start of the year" alerts an index calls for. A discipline whose latest
// finished month is below the year's starting level raises one alert per slide: the slide is keyed
// by the month it began (walking back over consecutive judged months below the start), so a team
// that stays below is told once, and one that recovers and slides again is told again.
import type { DisciplineIndex } from '../../api/discipline.js';
import { latestJudged } from './discipline-index.js';

export interface DisciplineAlert {
  scopeKind: 'workspace' | 'team';
  scopeId: string;
  scopeName: string;
  discipline: string;
  disciplineName: string;
  /** The first month of the slide (YYYY-MM): the claim key. */
  sinceKey: string;
  /** The latest finished month measured, its score and the year's starting score. */
  monthLabel: string;
  score: number;
  start: number;
}

export function alertsOf(index: DisciplineIndex): DisciplineAlert[] {
  const names = new Map(index.disciplines.map((d) => [d.key, d.name]));
  const out: DisciplineAlert[] = [];
  for (const scope of index.scopes) {
    // People are not alerted about (decision 0106): the index is a leader's instrument.
    if (scope.kind === 'rep') continue;
    for (const d of scope.disciplines) {
      if (!scope.belowStart.includes(d.key)) continue;
      const latest = latestJudged(d.cells);
      const at = latest ? d.cells.lastIndexOf(latest) : -1;
      const start = d.cells.find((c) => c.score !== null)?.score;
      if (!latest || at < 0 || latest.score === null || start === null || start === undefined) continue;
      let since = at;
      for (let i = at - 1; i >= 0; i--) {
        const c = d.cells[i];
        if (!c || c.score === null) continue;
        if (!c.belowStart) break;
        since = i;
      }
      out.push({
        scopeKind: scope.kind,
        scopeId: scope.id,
        scopeName: scope.name,
        discipline: d.key,
        disciplineName: names.get(d.key) ?? d.key,
        sinceKey: index.months[since]?.key ?? String(since),
        monthLabel: index.months[at]?.label ?? '',
        score: latest.score,
        start,
      });
    }
  }
  return out;
}
