// The objective form's values and what they send: the target as a person types it (per cents, whole
// currency units, days), dates as calendar dates. A new objective sends everything; an edit sends
// only what changed (target, review date, note) with the version read. Also the objective's state
// as the panel names it: the API's status, split by the review date and archiving.
import type { CoachingObjective, ObjectiveCreate, ObjectivePatch } from '../../api/coaching-objectives';
import type { KpiUnit } from '../../api/measurement';
import { formatCalendarDate } from '../app/format';
import { formatKpi, fromApiValue, toApiValue } from '../measurement/kpi-format';

export interface ObjectiveValues extends Record<string, unknown> {
  skillKey: string | null;
  kpiId: string | null;
  target: number | string;
  startDate: string | null;
  reviewDate: string | null;
  note: string;
}

export const OBJECTIVE_LABELS = {
  skillKey: 'Skill',
  kpiId: 'KPI',
  target: 'Target',
  startDate: 'Start date',
  reviewDate: 'Review date',
  note: 'Note',
} as const satisfies Record<keyof ObjectiveValues & string, string>;

export const OBJECTIVE_FIELDS = Object.keys(OBJECTIVE_LABELS);

interface KpiLike {
  id: string;
  unit: KpiUnit;
}

export function objectiveValues(o: CoachingObjective | null, currency: string): ObjectiveValues {
  return {
    skillKey: o?.skillKey ?? null,
    kpiId: o?.kpiId ?? null,
    target: o ? fromApiValue(o.target, o.kpiId, o.unit as KpiUnit, currency) : '',
    startDate: o?.startDate ?? null,
    reviewDate: o?.reviewDate ?? null,
    note: o?.note ?? '',
  };
}

const typed = (v: number | string) => (v === '' || v === null || v === undefined ? Number.NaN : Number(v));

export function objectiveCreate(coacheeId: string, v: ObjectiveValues, kpi: KpiLike, currency: string): ObjectiveCreate {
  return {
    coacheeId,
    skillKey: v.skillKey ?? '',
    kpiId: kpi.id,
    target: toApiValue(typed(v.target), kpi.id, kpi.unit, currency),
    reviewDate: v.reviewDate ?? '',
    ...(v.startDate ? { startDate: v.startDate } : {}),
    ...(v.note.trim() ? { note: v.note.trim() } : {}),
  };
}

/** Only what changed since the version edited, so a save never overwrites another's change blindly. */
export function objectivePatch(v: ObjectiveValues, base: CoachingObjective, currency: string): ObjectivePatch {
  const patch: ObjectivePatch = { version: base.version };
  const before = objectiveValues(base, currency);
  const unit = base.unit as KpiUnit;
  if (typed(v.target) !== typed(before.target)) patch.target = toApiValue(typed(v.target), base.kpiId, unit, currency);
  if (v.reviewDate !== before.reviewDate && v.reviewDate) patch.reviewDate = v.reviewDate;
  if (v.note.trim() !== before.note.trim()) patch.note = v.note.trim() || null;
  return patch;
}

/** What the form checks before sending; the server checks the rest and names its fields. */
export function validateObjective(v: ObjectiveValues, editing: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!editing && !v.skillKey) errors.skillKey = 'Pick the skill to work on';
  if (!editing && !v.kpiId) errors.kpiId = 'Pick the KPI that should move';
  if (Number.isNaN(typed(v.target))) errors.target = 'Enter the figure to reach';
  if (!v.reviewDate) errors.reviewDate = 'Pick when to review it';
  else if (v.startDate && v.reviewDate <= v.startDate) errors.reviewDate = 'Must be after the start date';
  return errors;
}

/** A saved objective's field as text, for the "changed meanwhile" dialog. */
export function describeObjective(o: CoachingObjective, field: string, currency: string): string {
  switch (field) {
    case 'target':
      return formatKpi(o.target, o.kpiId, o.unit as KpiUnit, currency);
    case 'startDate':
    case 'reviewDate':
      return formatCalendarDate(o[field]);
    case 'note':
      return o.note ?? '—';
    case 'kpiId':
      return o.kpiName;
    default:
      return String((o as unknown as Record<string, unknown>)[field] ?? '—');
  }
}

export type ObjectiveState = 'running' | 'due' | 'met' | 'not_met' | 'no_data' | 'archived';

/** The API's status, with a pending one split by its review date and an archived one named so. */
export function objectiveState(o: Pick<CoachingObjective, 'status' | 'archived' | 'reviewDate'>, today: string): ObjectiveState {
  if (o.archived) return 'archived';
  if (o.status === 'pending') return o.reviewDate <= today ? 'due' : 'running';
  return o.status;
}

export const STATE_LABEL: Record<ObjectiveState, { label: string; color: string }> = {
  running: { label: 'Running', color: 'blue' },
  due: { label: 'Due for review', color: 'yellow' },
  met: { label: 'Met', color: 'furrow' },
  not_met: { label: 'Not met', color: 'red' },
  no_data: { label: 'No data', color: 'gray' },
  archived: { label: 'Archived', color: 'gray' },
};
