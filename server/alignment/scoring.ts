// Scores a lead under an agreement's terms, one explanation line per point awarded. Pure: the same
// lead and terms always give the same score, whatever the order of its behaviours.
import type { BehaviourRule, FitCriterion } from '../../api/lead-agreements.js';
import type { ScorePoint } from '../../api/leads.js';

export interface ScoringTerms {
  fit: readonly FitCriterion[];
  behaviours: readonly BehaviourRule[];
  mqlThreshold: number;
}

export interface LeadFacts {
  industry: string | null;
  companySize: number | null;
  title: string | null;
  country: string | null;
  segment: string | null;
  behaviours: readonly { event: string }[];
}

export interface Score {
  score: number;
  points: ScorePoint[];
  isMql: boolean;
}

const norm = (s: string) => s.trim().toLowerCase();

/** Why a fit criterion matches this lead, or null when it does not. */
export function fitMatch(c: FitCriterion, lead: LeadFacts): string | null {
  if (c.field === 'companySize') {
    const size = lead.companySize;
    if (size === null) return null;
    if (c.min !== undefined && size < c.min) return null;
    if (c.max !== undefined && size > c.max) return null;
    if (c.min === undefined && c.max === undefined) return null;
    return `company size ${size}`;
  }
  const value = lead[c.field];
  if (!value || !c.values || c.values.length === 0) return null;
  const v = norm(value);
  // Titles vary ("VP Sales EMEA"), so a title criterion matches a word inside; other fields match whole.
  const hit = c.values.find((x) => (c.field === 'title' ? v.includes(norm(x)) : v === norm(x)));
  return hit === undefined ? null : `${c.field} ${value}`;
}

export function scoreLead(terms: ScoringTerms, lead: LeadFacts): Score {
  const points: ScorePoint[] = [];
  for (const c of terms.fit) {
    const because = fitMatch(c, lead);
    if (because !== null && c.points !== 0) points.push({ ruleId: c.id, kind: 'fit', label: c.label, points: c.points, because });
  }
  const counts = new Map<string, number>();
  for (const b of lead.behaviours) counts.set(b.event, (counts.get(b.event) ?? 0) + 1);
  for (const r of terms.behaviours) {
    const seen = counts.get(r.event) ?? 0;
    const times = Math.min(seen, r.maxTimes ?? 1);
    if (times === 0 || r.points === 0) continue;
    points.push({
      ruleId: r.id,
      kind: 'behaviour',
      label: r.label,
      points: r.points * times,
      because: times === 1 ? `${r.event} once` : `${r.event} ${times} times${seen > times ? ` (of ${seen}; counted at most ${times})` : ''}`,
    });
  }
  const score = points.reduce((s, p) => s + p.points, 0);
  return { score, points, isMql: score >= terms.mqlThreshold };
}
