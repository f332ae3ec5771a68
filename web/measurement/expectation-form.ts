// The expectation form: values as a person types them (per cents, whole currency units), the API
// body they become, validation with the API's own schema plus the threshold order the server
// checks, and the human text of a saved expectation for the "changed meanwhile" dialog.
import type { KpiDefinition } from '../../api/measurement';
import { type Expectation, ExpectationCreate, type ExpectationPatch } from '../../api/measurement-targets';
import { schemaErrors } from '../components/schema-errors';
import { formatKpi, fromApiValue, toApiValue } from './kpi-format';

export const EVERY = 'every';

export interface ExpectationValues extends Record<string, unknown> {
  kpiId: string | null;
  /** "workspace", "team:<id>" or "rep:<id>" (the scope picker's values). */
  scope: string | null;
  periodKind: 'week' | 'month' | 'quarter' | 'year';
  /** A period key, or EVERY: every period of the kind, judged on the current one. */
  periodKey: string;
  target: number | string;
  amberThreshold: number | string;
  redThreshold: number | string;
  ownerId: string | null;
  note: string;
}

export const EXPECTATION_LABELS = {
  kpiId: 'KPI',
  scope: 'Scope',
  periodKind: 'Period',
  periodKey: 'Which period',
  target: 'Target',
  amberThreshold: 'Amber threshold',
  redThreshold: 'Red threshold',
  ownerId: 'Owner',
  note: 'Note',
} as const satisfies Record<keyof ExpectationValues & string, string>;

export const EXPECTATION_FIELDS = Object.keys(EXPECTATION_LABELS);

/** API fields → form fields, for server problems. */
export const RENAME = { scopeType: 'scope', scopeId: 'scope' };

const scopeOf = (e: Pick<Expectation, 'scopeType' | 'scopeId'>) =>
  e.scopeType === 'workspace' ? 'workspace' : `${e.scopeType === 'user' ? 'rep' : 'team'}:${e.scopeId}`;

export function expectationValues(e: Expectation): ExpectationValues {
  const typed = (v: number) => fromApiValue(v, e.kpiId, e.unit, e.currency);
  return {
    kpiId: e.kpiId,
    scope: scopeOf(e),
    periodKind: e.periodKind,
    periodKey: e.periodKey ?? EVERY,
    target: typed(e.target),
    amberThreshold: typed(e.amberThreshold),
    redThreshold: typed(e.redThreshold),
    ownerId: e.ownerId,
    note: e.note ?? '',
  };
}

const num = (v: number | string): number | undefined => (v === '' || v === null || v === undefined ? undefined : Number(v));

/** The body to create; fields left empty are left out, so the schema names them as required. */
export function expectationBody(v: ExpectationValues, kpi: KpiDefinition | undefined, currency: string): ExpectationCreate {
  const api = (x: number | string) => {
    const n = num(x);
    return n === undefined || Number.isNaN(n) || !kpi ? n : toApiValue(n, kpi.id, kpi.unit, currency);
  };
  const [kind, id] = (v.scope ?? '').split(':');
  const scopeType = kind === 'workspace' ? 'workspace' : kind === 'team' ? 'team' : kind === 'rep' ? 'user' : undefined;
  const body: Record<string, unknown> = {
    kpiId: v.kpiId ?? '',
    scopeType,
    ...(id ? { scopeId: id } : {}),
    periodKind: v.periodKind,
    periodKey: v.periodKey === EVERY ? null : v.periodKey,
    target: api(v.target),
    amberThreshold: api(v.amberThreshold),
    redThreshold: api(v.redThreshold),
    ...(v.ownerId ? { ownerId: v.ownerId } : {}),
    note: v.note.trim() === '' ? null : v.note.trim(),
  };
  for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
  return body as ExpectationCreate;
}

/** What changed against the saved expectation (KPI and scope are fixed once set). */
export function expectationPatch(v: ExpectationValues, base: Expectation, kpi: KpiDefinition | undefined, currency: string): ExpectationPatch {
  const next = expectationBody(v, kpi, currency) as unknown as Record<string, unknown>;
  const before: Record<string, unknown> = {
    periodKind: base.periodKind,
    periodKey: base.periodKey,
    target: base.target,
    amberThreshold: base.amberThreshold,
    redThreshold: base.redThreshold,
    ownerId: base.ownerId,
    note: base.note,
  };
  const patch: Record<string, unknown> = { version: base.version };
  for (const k of Object.keys(before)) if (k in next && JSON.stringify(next[k]) !== JSON.stringify(before[k])) patch[k] = next[k];
  return patch as ExpectationPatch;
}

/** The schema's problems, and thresholds ordered from the target towards worse (as the server checks). */
export function validateExpectation(v: ExpectationValues, kpi: KpiDefinition | undefined, currency: string): Record<string, string> {
  const errors = schemaErrors(ExpectationCreate, expectationBody(v, kpi, currency), RENAME);
  for (const f of ['target', 'amberThreshold', 'redThreshold'] as const) {
    if (v[f] === '' || v[f] === null) errors[f] = 'Required';
  }
  if (!v.scope) errors.scope = 'Required';
  if (!v.kpiId) errors.kpiId = 'Pick a KPI';
  const t = num(v.target);
  const a = num(v.amberThreshold);
  const r = num(v.redThreshold);
  if (kpi && t !== undefined && a !== undefined && r !== undefined) {
    const worseOrEqual = (x: number, y: number) => (kpi.better === 'higher' ? x <= y : x >= y);
    const dir = kpi.better === 'higher' ? 'above' : 'below';
    if (!errors.amberThreshold && !worseOrEqual(a, t)) errors.amberThreshold = `Must not be ${dir} the target (${kpi.better} is better for ${kpi.name})`;
    if (!errors.redThreshold && !worseOrEqual(r, a)) errors.redThreshold = `Must not be ${dir} the amber threshold`;
  }
  return errors;
}

export function describeExpectation(e: Expectation, field: keyof ExpectationValues & string): string {
  const f = (v: number) => formatKpi(v, e.kpiId, e.unit, e.currency);
  switch (field) {
    case 'kpiId':
      return e.kpiName;
    case 'scope':
      return e.scopeName;
    case 'periodKind':
      return e.periodKind === 'year' ? 'fiscal year' : e.periodKind;
    case 'periodKey':
      return e.periodKey ?? 'every period';
    case 'target':
      return f(e.target);
    case 'amberThreshold':
      return f(e.amberThreshold);
    case 'redThreshold':
      return f(e.redThreshold);
    case 'ownerId':
      return e.ownerName;
    case 'note':
      return e.note ?? '—';
    default:
      return '—';
  }
}

interface TeamNode {
  id: string;
  parentId: string | null;
  managerId: string | null;
}

/**
 * Who answers for an expectation on this scope by default: a team's manager; for a person, the
 * manager of their team (a team without one answers to the team above). Null for the workspace,
 * whose expectations belong to whoever sets them.
 */
export function scopeManager(scope: string | null, teams: readonly TeamNode[], users: readonly { id: string; teamId: string | null }[]): string | null {
  if (!scope || scope === 'workspace') return null;
  const [kind, id] = scope.split(':');
  let teamId = kind === 'team' ? (id ?? null) : (users.find((u) => u.id === id)?.teamId ?? null);
  const seen = new Set<string>();
  while (teamId && !seen.has(teamId)) {
    seen.add(teamId);
    const team = teams.find((t) => t.id === teamId);
    if (!team) return null;
    // A manager on their own scope answers to the manager above them.
    if (team.managerId && !(kind === 'rep' && team.managerId === id)) return team.managerId;
    teamId = team.parentId;
  }
  return null;
}
