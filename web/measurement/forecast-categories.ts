// How the forecast names and colours its categories, the same on every forecast view.
import type { ForecastCategory } from '../../api/measurement-forecast';

export const CATEGORY_LABEL: Record<ForecastCategory | 'closed', string> = {
  commit: 'Commit',
  best_case: 'Best case',
  pipeline: 'Pipeline',
  omitted: 'Omitted',
  closed: 'Won',
};

export const CATEGORY_HINT: Record<ForecastCategory | 'closed', string> = {
  closed: 'Won with a close date in the period: already in every call.',
  commit: 'The owner expects to win these this period.',
  best_case: 'Could close this period if things go well.',
  pipeline: 'Open, but not expected this period.',
  omitted: 'Left out of the forecast.',
};

/** Hues whose light-variant text the theme darkens to keep its contrast (web/app/theme.ts). */
export const CATEGORY_COLOR: Record<ForecastCategory | 'closed', string> = {
  closed: 'teal',
  commit: 'furrow',
  best_case: 'blue',
  pipeline: 'yellow',
  omitted: 'gray',
};
