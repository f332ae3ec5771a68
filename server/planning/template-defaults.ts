// Pure: the built-in call-plan templates, used until an admin edits the one of a meeting type.
import type { MeetingType } from '../../api/call-plans.js';

export interface TemplateText {
  objective: string;
  questions: string[];
  objections: { objection: string; response: string }[];
}

export const BUILT_IN_TEMPLATES: Record<MeetingType, TemplateText> = {
  discovery: {
    objective: 'Understand the problem, its cost and who owns it, and agree whether it is worth solving this quarter',
    questions: [
      'What prompted you to look at this now?',
      'What does the problem cost you today, in time or money?',
      'Who else is affected, and who would sign off on a change?',
      'What happens if you do nothing this year?',
    ],
    objections: [{ objection: 'We are just looking', response: 'Ask what would have to be true for this to become a priority' }],
  },
  demo: {
    objective: 'Show how the product solves the problems found in discovery, and confirm they are solved',
    questions: ['Which of the problems we discussed matters most?', 'Who will use this every day?', 'What would make this a clear yes for your team?'],
    objections: [{ objection: 'Your competitor has feature X', response: 'Ask which problem X solves for them, and show how we solve it' }],
  },
  pricing: {
    objective: 'Present the price against the value agreed, and agree the path to signature',
    questions: ['Is the value we agreed still the right measure?', 'Who approves spend at this level?', 'What does your procurement process look like?'],
    objections: [{ objection: 'It is too expensive', response: 'Go back to the cost of the problem and the value hypothesis; trade, never just discount' }],
  },
  executive: {
    objective: 'Confirm the executive sponsor sees the business case and will sponsor the decision',
    questions: ['How does this fit your priorities for the year?', 'What would success look like in 12 months?', 'What could stop this from happening?'],
    objections: [{ objection: 'Not a priority right now', response: 'Tie the case to a stated company goal and the cost of waiting' }],
  },
};
