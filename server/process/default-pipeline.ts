// The sales process every new workspace starts with: a common B2B funnel an admin then tailors.

export interface StageTemplate {
  name: string;
  probability: number;
  kind: 'open' | 'won' | 'lost';
  agingDays: number | null;
  forecastCategory: string;
  guidance: string;
}

export const DEFAULT_STAGES: readonly StageTemplate[] = [
  {
    name: 'Qualify',
    probability: 10,
    kind: 'open',
    agingDays: 14,
    forecastCategory: 'pipeline',
    guidance:
      'Confirm there is a real problem, a budget holder and a reason to act this year.\nKey questions: Who owns this problem? What happens if nothing changes?',
  },
  {
    name: 'Discovery',
    probability: 20,
    kind: 'open',
    agingDays: 21,
    forecastCategory: 'pipeline',
    guidance:
      'Hold a discovery meeting with the people who feel the pain. Map the decision process and the criteria.\nKey questions: How will you decide? Who else is involved? What does success look like?',
  },
  {
    name: 'Solution',
    probability: 40,
    kind: 'open',
    agingDays: 30,
    forecastCategory: 'pipeline',
    guidance:
      'Show how Furrow solves the problems found in discovery, in their words. Agree the value hypothesis.\nKey questions: Which of these matters most? What would make this a clear yes?',
  },
  {
    name: 'Proposal',
    probability: 60,
    kind: 'open',
    agingDays: 21,
    forecastCategory: 'best_case',
    guidance:
      'Send a proposal the economic buyer has seen in draft. Confirm the paper process and timeline.\nKey questions: Is anything missing before you can sign? Who signs?',
  },
  {
    name: 'Negotiation',
    probability: 80,
    kind: 'open',
    agingDays: 14,
    forecastCategory: 'commit',
    guidance:
      'Trade, do not give: every concession gets something back. Keep the close plan current.\nKey questions: What stands between us and a signature this month?',
  },
  { name: 'Closed Won', probability: 100, kind: 'won', agingDays: null, forecastCategory: 'closed', guidance: 'Hand over to onboarding within two days.' },
  {
    name: 'Closed Lost',
    probability: 0,
    kind: 'lost',
    agingDays: null,
    forecastCategory: 'omitted',
    guidance: 'Record the real reason; it feeds next year’s plan.',
  },
];

export const LOST_REASONS = ['Price', 'Competitor', 'No decision', 'Timing', 'No budget', 'Product fit', 'Lost contact'] as const;
