// Pure: evaluates exit criteria against the facts about a deal. Returns a result for every
// criterion and every missing item (never just the first), so a refused move can list them all.
import type { MissingCriterion } from '../../api/deals.js';
import type { ActivityType } from '../db/schema/crm.js';
import type { CriterionKind } from '../db/schema/process.js';

export const DAY_MS = 86_400_000;

export interface CriterionSpec {
  id: string;
  stageId: string;
  stageName: string;
  kind: CriterionKind;
  label: string;
  field: string | null;
  activityType: ActivityType | null;
  withinDays: number | null;
  frameworkId: string | null;
  minScore: number | null;
  scenario: string | null;
}

/** What a later capability (call plans, certification) says about a hook criterion. */
export type HookFact = { state: 'met' } | { state: 'unmet'; hint: string } | { state: 'unavailable'; hint: string };

export interface ActivityFact {
  type: ActivityType;
  occurredAt: number;
  completedAt: number | null;
}

export interface QualificationFact {
  name: string;
  total: number;
  maxTotal: number;
}

export interface GateFacts {
  now: number;
  /** The deal's values by criterion field name: amount, closeDate, accountId …, custom.<key>. */
  fields: Readonly<Record<string, unknown>>;
  /** Labels of the fields, for hints (custom fields carry the admin's label). */
  fieldLabels: Readonly<Record<string, string>>;
  /** Checklist criteria ticked on the deal. */
  ticked: ReadonlySet<string>;
  activities: readonly ActivityFact[];
  /** Framework totals on the deal by framework id (absent: framework unknown or retired). */
  qualification: ReadonlyMap<string, QualificationFact>;
  callPlan: HookFact;
  /** By scenario. */
  certifications: ReadonlyMap<string, HookFact>;
}

export interface CriterionResult {
  criterion: CriterionSpec;
  met: boolean;
  hint?: string;
}

/** Core deal fields a required-field criterion may name (custom fields are custom.<key>). */
export const CORE_FIELDS: Readonly<Record<string, string>> = {
  amount: 'Amount',
  closeDate: 'Close date',
  accountId: 'Account',
  contactId: 'Contact',
  nextStep: 'Next step',
  source: 'Source',
  campaign: 'Campaign',
};

const ACTIVITY_NOUN: Record<ActivityType, string> = { call: 'call', meeting: 'meeting', email: 'email', task: 'completed task', note: 'note' };

/**
 * A field counts as filled when it has a value a person entered: non-blank text, a positive
 * amount, any number, yes for a yes/no field.
 */
export function isFilled(field: string, value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return Number.isFinite(value) && (field !== 'amount' || value > 0);
  if (typeof value === 'boolean') return value;
  return true;
}

/** When an activity counts as logged: a task once completed, anything else once it has happened. */
export function loggedAt(a: ActivityFact): number | null {
  if (a.type === 'task') return a.completedAt;
  return a.occurredAt;
}

export function activityMet(activities: readonly ActivityFact[], type: ActivityType, withinDays: number | null, now: number): boolean {
  const since = withinDays === null ? Number.NEGATIVE_INFINITY : now - withinDays * DAY_MS;
  return activities.some((a) => {
    if (a.type !== type) return false;
    const at = loggedAt(a);
    return at !== null && at <= now && at >= since;
  });
}

function hookResult(fact: HookFact | undefined, unknownHint: string): { met: boolean; hint?: string } {
  if (!fact) return { met: false, hint: unknownHint };
  return fact.state === 'met' ? { met: true } : { met: false, hint: fact.hint };
}

export function evaluateCriterion(c: CriterionSpec, facts: GateFacts): { met: boolean; hint?: string } {
  switch (c.kind) {
    case 'field': {
      const field = c.field ?? '';
      if (isFilled(field, facts.fields[field])) return { met: true };
      const label = facts.fieldLabels[field] ?? CORE_FIELDS[field] ?? field;
      return { met: false, hint: field === 'amount' ? 'Enter an amount above zero' : `Fill in ${label}` };
    }
    case 'checklist':
      return facts.ticked.has(c.id) ? { met: true } : { met: false, hint: 'Tick this item on the deal once it is done' };
    case 'activity': {
      const type = c.activityType ?? 'meeting';
      if (activityMet(facts.activities, type, c.withinDays, facts.now)) return { met: true };
      const within = c.withinDays === null ? '' : ` in the last ${c.withinDays} day${c.withinDays === 1 ? '' : 's'}`;
      return { met: false, hint: `Log a ${ACTIVITY_NOUN[type]} on this deal${within}` };
    }
    case 'qualification': {
      const min = c.minScore ?? 0;
      const q = c.frameworkId ? facts.qualification.get(c.frameworkId) : undefined;
      if (!q) return { met: false, hint: 'The qualification framework of this criterion no longer exists; ask an admin to fix the process' };
      if (q.total >= min) return { met: true };
      return { met: false, hint: `${q.name} total is ${q.total}; ${min} of ${q.maxTotal} needed` };
    }
    case 'call_plan':
      return hookResult(facts.callPlan, 'No reviewed call plan for this deal');
    case 'certification':
      return hookResult(facts.certifications.get(c.scenario ?? ''), `The owner is not certified on ${c.scenario ?? 'the scenario'}`);
  }
}

/** Every criterion's result in the given order, and the missing ones as the API lists them. */
export function evaluateCriteria(criteria: readonly CriterionSpec[], facts: GateFacts): { results: CriterionResult[]; missing: MissingCriterion[] } {
  const results = criteria.map((criterion) => ({ criterion, ...evaluateCriterion(criterion, facts) }));
  const missing = results.filter((r) => !r.met).map((r) => toMissing(r));
  return { results, missing };
}

export function toMissing(r: CriterionResult): MissingCriterion {
  const c = r.criterion;
  return {
    stageId: c.stageId,
    stageName: c.stageName,
    criterionId: c.id,
    kind: c.kind,
    label: c.label,
    ...fixOf(c),
    ...(r.hint ? { hint: r.hint } : {}),
  };
}

/** What the rep acts on to meet a criterion in place: the field to fill, the activity to log, the framework to score. */
export function fixOf(c: CriterionSpec): { field?: string; activityType?: ActivityType; frameworkId?: string } {
  if (c.kind === 'field' && c.field) return { field: c.field };
  if (c.kind === 'activity') return { activityType: c.activityType ?? 'meeting' };
  if (c.kind === 'qualification' && c.frameworkId) return { frameworkId: c.frameworkId };
  return {};
}

/** The label a criterion gets when the admin gives none. */
export function defaultLabel(
  c: Pick<CriterionSpec, 'kind' | 'field' | 'activityType' | 'withinDays' | 'minScore' | 'scenario'>,
  names: { fieldLabel?: string; frameworkName?: string },
): string {
  switch (c.kind) {
    case 'field':
      return `${names.fieldLabel ?? CORE_FIELDS[c.field ?? ''] ?? c.field ?? 'Field'} is filled in`;
    case 'checklist':
      return 'Checklist item';
    case 'activity': {
      const noun = ACTIVITY_NOUN[c.activityType ?? 'meeting'];
      const within = c.withinDays === null ? '' : ` in the last ${c.withinDays} days`;
      return `A ${noun} is logged${within}`;
    }
    case 'qualification':
      return `${names.frameworkName ?? 'Qualification'} score at least ${c.minScore ?? 0}`;
    case 'call_plan':
      return 'A reviewed call plan exists';
    case 'certification':
      return `Owner certified on ${c.scenario ?? 'the scenario'}`;
  }
}

/** Overrides pass only when every stage with a missing criterion allows them. */
export function overrideAllowed(missing: readonly MissingCriterion[], allowsOverride: (stageId: string) => boolean): boolean {
  return missing.every((m) => allowsOverride(m.stageId));
}
