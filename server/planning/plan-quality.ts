// Pure: the plan quality rubric. Every point is explained, so the editor can show the rep what
// would raise the score. The rubric is the visible one (docs/planning-practice.md).
import type { AttendeeRole } from '../../api/call-plans.js';

export interface PlanContent {
  objective: string;
  desiredCommitment: string | null;
  questions: readonly string[];
  attendees: readonly { role: AttendeeRole }[];
  gaps: readonly unknown[];
}

export interface QualityPart {
  key: 'objective' | 'commitment' | 'questions' | 'stakeholders' | 'gaps';
  label: string;
  points: number;
  max: number;
  reason: string;
}

const words = (text: string | null): number => (text ?? '').trim().split(/\s+/).filter(Boolean).length;

/** The roles that show the rep has mapped who decides and who sells for them inside. */
const KEY_ROLES: readonly AttendeeRole[] = ['economic_buyer', 'champion', 'decision_maker'];

export const RUBRIC = [
  { key: 'objective', label: 'Specific objective', max: 20, rule: '20 with at least 6 words, 10 when shorter, 0 when empty' },
  { key: 'commitment', label: 'Defined commitment', max: 25, rule: '25 with at least 4 words, 10 when shorter, 0 when empty' },
  { key: 'questions', label: 'Questions prepared', max: 20, rule: '20 with 3 or more questions, 10 with 1–2' },
  {
    key: 'stakeholders',
    label: 'Stakeholders mapped',
    max: 20,
    rule: '20 when an economic buyer, champion or decision maker is among the attendees, 10 with attendees of other roles',
  },
  { key: 'gaps', label: 'Qualification gaps targeted', max: 15, rule: '15 with at least one gap to close' },
] as const;

export function planQuality(plan: PlanContent): { score: number; parts: QualityPart[] } {
  const objectiveWords = words(plan.objective);
  const commitmentWords = words(plan.desiredCommitment);
  const questions = plan.questions.filter((q) => q.trim() !== '').length;
  const keyRoles = plan.attendees.filter((a) => KEY_ROLES.includes(a.role)).length;
  const parts: QualityPart[] = [
    {
      key: 'objective',
      label: 'Specific objective',
      max: 20,
      points: objectiveWords >= 6 ? 20 : objectiveWords > 0 ? 10 : 0,
      reason:
        objectiveWords >= 6
          ? 'The objective is specific'
          : objectiveWords > 0
            ? 'Say what must be true after the meeting, in 6 words or more'
            : 'No objective yet',
    },
    {
      key: 'commitment',
      label: 'Defined commitment',
      max: 25,
      points: commitmentWords >= 4 ? 25 : commitmentWords > 0 ? 10 : 0,
      reason:
        commitmentWords >= 4
          ? 'The next step to ask for is defined'
          : commitmentWords > 0
            ? 'Name who commits to what, and when'
            : 'No commitment to ask for yet',
    },
    {
      key: 'questions',
      label: 'Questions prepared',
      max: 20,
      points: questions >= 3 ? 20 : questions > 0 ? 10 : 0,
      reason: `${questions} question${questions === 1 ? '' : 's'} prepared${questions < 3 ? '; 3 or more earn full points' : ''}`,
    },
    {
      key: 'stakeholders',
      label: 'Stakeholders mapped',
      max: 20,
      points: keyRoles > 0 ? 20 : plan.attendees.length > 0 ? 10 : 0,
      reason:
        keyRoles > 0
          ? 'A decision maker, economic buyer or champion is mapped'
          : plan.attendees.length > 0
            ? 'Attendees mapped, but no economic buyer, champion or decision maker'
            : 'No attendees mapped',
    },
    {
      key: 'gaps',
      label: 'Qualification gaps targeted',
      max: 15,
      points: plan.gaps.length > 0 ? 15 : 0,
      reason: plan.gaps.length > 0 ? `${plan.gaps.length} qualification gap${plan.gaps.length === 1 ? '' : 's'} targeted` : 'No qualification gap targeted',
    },
  ];
  return { score: parts.reduce((s, p) => s + p.points, 0), parts };
}
