// The scenario form's values, the request bodies they make, and as-you-type validation with the
// API's own schema. Objectives and skills are typed one per line.
import { type Scenario, ScenarioCreate, type ScenarioPatch } from '../../api/practice-scenarios';
import { schemaErrors } from '../components/schema-errors';

export interface ScenarioValues extends Record<string, unknown> {
  name: string;
  persona: string;
  situation: string;
  objectives: string;
  skills: string;
  difficulty: string;
  meetingType: string;
  passThreshold: number | string;
  validityDays: number | string;
}

export const SCENARIO_FIELDS = ['name', 'persona', 'situation', 'objectives', 'skills', 'difficulty', 'meetingType', 'passThreshold', 'validityDays'];

export const SCENARIO_LABELS: Record<keyof ScenarioValues & string, string> = {
  name: 'Name',
  persona: 'Buyer persona',
  situation: 'Situation',
  objectives: 'Objectives',
  skills: 'Rubric skills',
  difficulty: 'Difficulty',
  meetingType: 'Prepares for meetings of type',
  passThreshold: 'Pass threshold',
  validityDays: 'Certification lasts (days)',
};

/** A field of a scenario as the conflict dialog shows it. */
export function describeScenario(s: Scenario, field: keyof ScenarioValues & string): string {
  const value = scenarioValues(s)[field];
  return value === '' ? '—' : String(value).replaceAll('\n', '; ');
}

export function scenarioValues(s: Scenario | null): ScenarioValues {
  return {
    name: s?.name ?? '',
    persona: s?.persona ?? '',
    situation: s?.situation ?? '',
    objectives: (s?.objectives ?? []).join('\n'),
    skills: (s?.skills ?? []).join('\n'),
    difficulty: s?.difficulty ?? 'intermediate',
    meetingType: s?.meetingType ?? '',
    passThreshold: s?.passThreshold ?? 70,
    validityDays: s?.validityDays ?? 180,
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const whole = (v: number | string) => (v === '' ? Number.NaN : Number(v));

export function scenarioBody(v: ScenarioValues): ScenarioCreate {
  return {
    name: v.name,
    persona: v.persona,
    situation: v.situation,
    objectives: lines(v.objectives),
    skills: lines(v.skills),
    difficulty: v.difficulty as ScenarioCreate['difficulty'],
    meetingType: v.meetingType === '' ? null : (v.meetingType as NonNullable<ScenarioCreate['meetingType']>),
    passThreshold: whole(v.passThreshold),
    validityDays: whole(v.validityDays),
  };
}

/** Only what changed, so an edit never overwrites what someone else changed meanwhile. */
export function scenarioPatch(v: ScenarioValues, base: ScenarioValues, version: number): ScenarioPatch {
  const next = scenarioBody(v);
  const before = scenarioBody(base);
  const changed = Object.entries(next).filter(([k, value]) => JSON.stringify(value) !== JSON.stringify(before[k as keyof ScenarioCreate]));
  return { version, ...Object.fromEntries(changed) };
}

export function validateScenario(v: ScenarioValues): Record<string, string> {
  const errors = schemaErrors(ScenarioCreate, scenarioBody(v));
  // An empty list reads better as what to add than as the schema's "not valid".
  if (lines(v.objectives).length === 0) errors.objectives = 'Add at least one objective, one per line';
  if (lines(v.skills).length === 0) errors.skills = 'Add at least one skill, one per line';
  return errors;
}
