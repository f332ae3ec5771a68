import { IconCalendarEvent, IconChecklist, IconMail, IconNote, IconPhone } from '@tabler/icons-react';

export const ACTIVITY_TYPES = ['call', 'meeting', 'email', 'task', 'note'] as const;
export type ActivityKind = (typeof ACTIVITY_TYPES)[number];

export const ACTIVITY_LABEL: Record<ActivityKind, string> = { call: 'Call', meeting: 'Meeting', email: 'Email', task: 'Task', note: 'Note' };

const ICONS = { call: IconPhone, meeting: IconCalendarEvent, email: IconMail, task: IconChecklist, note: IconNote };

export function ActivityIcon({ type, size = 14 }: { type: string; size?: number }) {
  const Icon = ICONS[type as ActivityKind] ?? IconNote;
  return <Icon size={size} aria-hidden />;
}
