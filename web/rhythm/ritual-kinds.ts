import type { RitualKind } from '../../api/rituals';

// The six kinds of the operating rhythm, as the pages name them.
export const KIND_LABELS: Record<RitualKind, string> = {
  pipeline_review: 'Weekly pipeline review',
  one_on_one: '1:1 coaching',
  forecast_call: 'Forecast call',
  practice_lab: 'Practice lab',
  adherence_review: 'Monthly adherence review',
  lead_agreement_review: 'Quarterly lead-agreement review',
};
