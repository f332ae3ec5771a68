// The alert when a discipline slides below the level its year started from. It links to the
// reader's own Year page, and names only the discipline, the team (team names are read by every
// member of the workspace) and figures.
import { defineNotificationKind } from '../notifications/kind.js';
import { yearPageRecord } from './digest.notifications.js';

export const disciplineBelowStart = defineNotificationKind<{ discipline: string; scope: string; month: string; start: number; score: number }>({
  id: 'rhythm.discipline-below-start',
  label: 'A discipline of a team you lead fell below the level the year started from',
  record: yearPageRecord,
  title: ({ data }) =>
    `${data.discipline} in ${data.scope} is ${data.start - data.score} points under where the year started: ${data.start} → ${data.score} in ${data.month}`,
  defaults: { inApp: true, email: true },
});
