// The qualification frameworks every workspace has. Keys are stable: criteria and the API name them.

export interface FrameworkTemplate {
  key: string;
  name: string;
  description: string;
  elements: readonly { key: string; label: string; description: string }[];
}

export const BUILTIN_FRAMEWORKS: readonly FrameworkTemplate[] = [
  {
    key: 'meddpicc',
    name: 'MEDDPICC',
    description: 'Enterprise qualification: do we know how the buyer measures, decides, buys and who fights for us?',
    elements: [
      { key: 'metrics', label: 'Metrics', description: 'The measurable outcome the buyer expects, in their numbers.' },
      { key: 'economic_buyer', label: 'Economic buyer', description: 'The person who can spend the money; met and engaged.' },
      { key: 'decision_criteria', label: 'Decision criteria', description: 'How they will compare options, written down.' },
      { key: 'decision_process', label: 'Decision process', description: 'The steps, people and dates from evaluation to decision.' },
      { key: 'paper_process', label: 'Paper process', description: 'Legal, security and procurement steps to a signature.' },
      { key: 'identify_pain', label: 'Identify pain', description: 'The business pain, its cost and who feels it.' },
      { key: 'champion', label: 'Champion', description: 'Someone with influence who sells for us when we are not there.' },
      { key: 'competition', label: 'Competition', description: 'Who else they consider, including doing nothing.' },
    ],
  },
  {
    key: 'bant',
    name: 'BANT',
    description: 'Quick qualification: budget, authority, need and timeline.',
    elements: [
      { key: 'budget', label: 'Budget', description: 'Money is set aside, or can be found, for this.' },
      { key: 'authority', label: 'Authority', description: 'We talk to the person who decides, or know them.' },
      { key: 'need', label: 'Need', description: 'A real problem we solve.' },
      { key: 'timeline', label: 'Timeline', description: 'A date by which they must decide, and why.' },
    ],
  },
  {
    key: 'spiced',
    name: 'SPICED',
    description: 'Customer-centric qualification: situation, pain, impact, critical event, decision.',
    elements: [
      { key: 'situation', label: 'Situation', description: 'Facts about the customer and how they work today.' },
      { key: 'pain', label: 'Pain', description: 'The problem they want to solve.' },
      { key: 'impact', label: 'Impact', description: 'What solving it is worth, rationally and emotionally.' },
      { key: 'critical_event', label: 'Critical event', description: 'A deadline with consequences if missed.' },
      { key: 'decision', label: 'Decision', description: 'Who decides, how and with which criteria.' },
    ],
  },
];
