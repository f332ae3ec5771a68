// The skill model every new workspace starts with; admins edit it (a new version each time).
import type { SkillInput } from '../../api/coaching-skills.js';

const rubric = (novice: string, developing: string, proficient: string, expert: string) => [
  { level: 1, label: 'Novice', description: novice },
  { level: 2, label: 'Developing', description: developing },
  { level: 3, label: 'Proficient', description: proficient },
  { level: 4, label: 'Expert', description: expert },
];

export const DEFAULT_SKILLS: readonly (SkillInput & { key: string })[] = [
  {
    key: 'discovery',
    name: 'Discovery',
    description: 'Uncovers the buyer’s situation, pain and impact before proposing anything.',
    levels: rubric(
      'Asks scripted questions; pitches early.',
      'Finds the stated need, rarely the impact behind it.',
      'Quantifies pain and impact; confirms it with the buyer.',
      'Reframes the buyer’s view of the problem; discovery drives the deal.',
    ),
  },
  {
    key: 'qualification',
    name: 'Qualification',
    description: 'Knows budget, authority, process and timeline, and walks away from deals that do not fit.',
    levels: rubric(
      'Qualifies on enthusiasm.',
      'Fills the framework, with gaps in evidence.',
      'Every element backed by evidence; disqualifies early.',
      'Qualification shapes the forecast and the pursuit plan.',
    ),
  },
  {
    key: 'demo',
    name: 'Demo / presentation',
    description: 'Shows what matters to this buyer, tied to what discovery found.',
    levels: rubric(
      'Feature tour.',
      'Tailored in parts.',
      'Story built on the buyer’s pains, with a clear next step.',
      'Buyer leaves able to sell it internally.',
    ),
  },
  {
    key: 'objection_handling',
    name: 'Objection handling',
    description: 'Hears the concern behind the objection and answers it.',
    levels: rubric(
      'Argues or concedes.',
      'Answers the words, not the concern.',
      'Clarifies, answers, confirms.',
      'Anticipates and defuses objections before they come.',
    ),
  },
  {
    key: 'negotiation',
    name: 'Negotiation',
    description: 'Trades value for value and protects price.',
    levels: rubric('Discounts to close.', 'Trades sometimes.', 'Plans give-gets; holds price.', 'Negotiates terms that grow the account.'),
  },
  {
    key: 'forecasting',
    name: 'Forecasting',
    description: 'Calls deals accurately and early.',
    levels: rubric(
      'Hope-based calls.',
      'Right in aggregate, wrong per deal.',
      'Calls within 10%; flags slips early.',
      'The team’s forecast can be built on their calls.',
    ),
  },
  {
    key: 'pipeline_generation',
    name: 'Pipeline generation',
    description: 'Creates enough qualified opportunities, steadily, all year.',
    levels: rubric(
      'Waits for leads.',
      'Prospects in bursts.',
      'Steady weekly prospecting to a plan.',
      'Builds pipeline ahead of need; others copy the approach.',
    ),
  },
];
