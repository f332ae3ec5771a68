// The names other systems give activity types ("Phone Call", "Event", "To-do"), read as Furrow's.
import type { ActivityType } from '../../../api/activities.js';
import { stageKey } from './deal-import-rules.js';

const TYPES: Record<string, ActivityType> = {
  call: 'call',
  phonecall: 'call',
  phone: 'call',
  loggedcall: 'call',
  meeting: 'meeting',
  event: 'meeting',
  lunch: 'meeting',
  demo: 'meeting',
  email: 'email',
  mail: 'email',
  loggedemail: 'email',
  task: 'task',
  todo: 'task',
  deadline: 'task',
  other: 'task',
  note: 'note',
  comment: 'note',
};

/** The activity types a Type cell may name, as the value mapping offers them. */
export const ACTIVITY_TYPES: readonly ActivityType[] = [...new Set(Object.values(TYPES))];

export function parseActivityType(text: string): ActivityType | null {
  return TYPES[stageKey(text)] ?? null;
}
