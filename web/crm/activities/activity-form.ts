import dayjs from 'dayjs';
import { type Activity, ActivityCreate } from '../../../api/activities';
import { formatInstant } from '../../app/format';
import { schemaErrors } from '../../components/schema-errors';
import { ACTIVITY_LABEL, type ActivityKind } from '../timeline/activity-icons';
import { HIDDEN_DEAL } from './hidden-deal';
import { nextSlot } from './next-slot';

export interface ActivityValues extends Record<string, unknown> {
  type: ActivityKind;
  subject: string;
  body: string;
  /** Local "YYYY-MM-DD HH:mm:ss", what the date-time picker holds. */
  occurredAt: string | null;
  durationMinutes: number | string;
  completed: boolean;
  dealId: string | null;
  contactId: string | null;
  accountId: string | null;
}

export const ACTIVITY_LABELS = {
  type: 'Type',
  subject: 'Subject',
  body: 'Notes',
  occurredAt: 'When',
  durationMinutes: 'Duration',
  completed: 'Done',
  dealId: 'Deal',
  contactId: 'Contact',
  accountId: 'Account',
} as const;

export const ACTIVITY_FIELDS = Object.keys(ACTIVITY_LABELS);

const LOCAL = 'YYYY-MM-DD HH:mm:ss';

export interface ActivityLinks {
  dealId?: string | null;
  contactId?: string | null;
  accountId?: string | null;
}

/** A new activity that took place happened now; a planned one or a task is for the next slot. */
export const defaultWhen = (completed: boolean, now = new Date()) => dayjs(completed ? now : nextSlot(now)).format(LOCAL);

export function activityValues(a: Activity | null, links: ActivityLinks = {}, type: ActivityKind = 'call'): ActivityValues {
  const completed = a ? a.completedAt !== null : type !== 'task';
  return {
    type: (a?.type as ActivityKind) ?? type,
    subject: a?.subject ?? '',
    body: a?.body ?? '',
    occurredAt: a ? dayjs(a.occurredAt).format(LOCAL) : defaultWhen(completed),
    durationMinutes: a?.durationMinutes ?? '',
    completed,
    dealId: a?.dealId ?? links.dealId ?? null,
    contactId: a?.contactId ?? links.contactId ?? null,
    accountId: a?.accountId ?? links.accountId ?? null,
  };
}

export function activityBody(v: ActivityValues): ActivityCreate {
  const when = v.occurredAt ? dayjs(v.occurredAt) : null;
  return {
    type: v.type,
    subject: v.subject,
    body: v.body.trim() === '' ? null : v.body,
    occurredAt: when?.isValid() ? when.toISOString() : '',
    durationMinutes: v.durationMinutes === '' ? null : Number(v.durationMinutes),
    completed: v.completed,
    dealId: v.dealId,
    contactId: v.contactId,
    accountId: v.accountId,
  };
}

export function activityPatch(v: ActivityValues, base: ActivityValues): Partial<ActivityCreate> {
  const next = activityBody(v);
  const before = activityBody(base);
  return Object.fromEntries(Object.entries(next).filter(([k, value]) => JSON.stringify(value) !== JSON.stringify(before[k as keyof ActivityCreate])));
}

export const validateActivity = (v: ActivityValues) => schemaErrors(ActivityCreate, activityBody(v));

/** A field's value in an activity as the conflict dialog shows it (names rather than ids). */
export function describeActivity(a: Activity, field: keyof ActivityValues & string): string {
  switch (field) {
    case 'type':
      return ACTIVITY_LABEL[a.type as ActivityKind] ?? a.type;
    case 'occurredAt':
      return formatInstant(a.occurredAt);
    case 'durationMinutes':
      return a.durationMinutes === null ? '—' : `${a.durationMinutes} min`;
    case 'completed':
      return a.completedAt === null ? 'No' : 'Yes';
    case 'dealId':
      return a.dealId === null ? '—' : (a.dealName ?? HIDDEN_DEAL);
    case 'accountId':
      return a.accountName ?? '—';
    case 'contactId':
      return a.contactName ?? '—';
    default: {
      const value = a[field as 'subject' | 'body'];
      return value === null || value === '' ? '—' : value;
    }
  }
}
