// The session editor's values and what they send: dates as the pickers hold them (local
// "YYYY-MM-DD HH:mm:ss"), notes as typed, new action items and ratings given in this session.
// Server problems name API fields (actionItems/0/ownerId, dealIds/2); renames put them on the form's.
import dayjs from 'dayjs';
import type { CoachingSession, SessionCreate, SessionPatch } from '../../api/coaching-sessions';

export interface NewItem {
  key: string;
  ownerId: string;
  text: string;
  dueDate: string | null;
}

export interface SessionValues extends Record<string, unknown> {
  scheduledAt: string | null;
  held: boolean;
  heldAt: string | null;
  agenda: string;
  sharedNotes: string;
  privateNotes: string;
  skillKeys: string[];
  deals: { id: string; name: string }[];
  newItems: NewItem[];
  /** skill key → level given in this session ('' for none yet). */
  ratings: Record<string, string>;
}

export const SESSION_LABELS = {
  scheduledAt: 'Scheduled for',
  heldAt: 'Held on',
  agenda: 'Agenda',
  sharedNotes: 'Shared notes',
  privateNotes: 'Private notes',
  skillKeys: 'Skills worked on',
  deals: 'Deals discussed',
} as const;

const LOCAL = 'YYYY-MM-DD HH:mm:ss';

export function sessionValues(s: CoachingSession | null, now = new Date()): SessionValues {
  return {
    scheduledAt: dayjs(s?.scheduledAt ?? now).format(LOCAL),
    held: s ? s.heldAt !== null : false,
    heldAt: s?.heldAt ? dayjs(s.heldAt).format(LOCAL) : null,
    agenda: s?.agenda ?? '',
    sharedNotes: s?.sharedNotes ?? '',
    privateNotes: s?.privateNotes ?? '',
    skillKeys: s?.skillKeys ?? [],
    deals: (s?.deals ?? []).map((d) => ({ id: d.id, name: d.name })),
    newItems: [],
    ratings: {},
  };
}

const instant = (local: string | null) => {
  const d = local ? dayjs(local) : null;
  return d?.isValid() ? d.toISOString() : '';
};
const text = (v: string) => (v.trim() === '' ? null : v);

export function sessionCreate(coacheeId: string, v: SessionValues): SessionCreate {
  return {
    coacheeId,
    scheduledAt: instant(v.scheduledAt),
    heldAt: v.held ? instant(v.heldAt) : null,
    agenda: text(v.agenda),
    sharedNotes: text(v.sharedNotes),
    privateNotes: text(v.privateNotes),
    skillKeys: v.skillKeys,
    dealIds: v.deals.map((d) => d.id),
    actionItems: v.newItems.map((i) => ({ ownerId: i.ownerId, text: i.text, dueDate: i.dueDate || null })),
  };
}

/** Only what changed since the version edited, so a save never overwrites another's field blindly. */
export function sessionPatch(v: SessionValues, base: CoachingSession, mayWritePrivate: boolean): SessionPatch {
  const next = sessionCreate(base.coachee.id, v);
  const before = sessionCreate(base.coachee.id, sessionValues(base));
  const patch: SessionPatch = { version: base.version };
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  if (!same(next.scheduledAt, before.scheduledAt)) patch.scheduledAt = next.scheduledAt;
  if (!same(next.heldAt, before.heldAt)) patch.heldAt = next.heldAt ?? null;
  if (!same(next.agenda, before.agenda)) patch.agenda = next.agenda ?? null;
  if (!same(next.sharedNotes, before.sharedNotes)) patch.sharedNotes = next.sharedNotes ?? null;
  if (mayWritePrivate && !same(next.privateNotes, before.privateNotes)) patch.privateNotes = next.privateNotes ?? null;
  if (!same(next.skillKeys, before.skillKeys)) patch.skillKeys = next.skillKeys ?? [];
  if (!same(next.dealIds, before.dealIds)) patch.dealIds = next.dealIds ?? [];
  return patch;
}

/** What the form checks before sending; the server checks the rest and names its fields. */
export function validateSession(v: SessionValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.scheduledAt || !dayjs(v.scheduledAt).isValid()) errors.scheduledAt = 'Pick when the session is';
  if (v.held && (!v.heldAt || !dayjs(v.heldAt).isValid())) errors.heldAt = 'Pick when it was held';
  else if (v.held && v.heldAt && dayjs(v.heldAt).isAfter(dayjs())) errors.heldAt = 'A session cannot be held in the future';
  v.newItems.forEach((item, i) => {
    if (item.text.trim() === '') errors[`newItems.${i}.text`] = 'Say what is to be done';
    if (!item.ownerId) errors[`newItems.${i}.ownerId`] = 'Pick who does it';
  });
  return errors;
}

/** API field paths (either separator) onto the form's fields. */
export function formFieldOf(apiField: string): string {
  const path = apiField.replace(/\//g, '.');
  if (path.startsWith('actionItems.')) return path.replace(/^actionItems\./, 'newItems.').replace(/\.dueDate$/, '.dueDate');
  if (path.startsWith('dealIds')) return 'deals';
  if (path.startsWith('skillKeys')) return 'skillKeys';
  return path;
}

/** Describes a value for the 409 dialog ("what changed"). */
export function describeSession(s: CoachingSession, field: string): string {
  switch (field) {
    case 'scheduledAt':
      return dayjs(s.scheduledAt).format('D MMM YYYY HH:mm');
    case 'heldAt':
      return s.heldAt ? dayjs(s.heldAt).format('D MMM YYYY HH:mm') : 'not held';
    case 'skillKeys':
      return s.skillKeys.join(', ') || '—';
    case 'deals':
      return s.deals.map((d) => d.name).join(', ') || '—';
    default:
      return String((s as unknown as Record<string, unknown>)[field] ?? '—');
  }
}
