// The notification catalogue's one interface. A capability defines its kinds (and, once, the type
// of record they link to) in its own `<name>.notifications.ts`, lists the kinds in
// notifications/kinds.ts, and calls notifications.service.ts#notify inside its transaction.
import type { Ctx } from '../context.js';

/** A kind of record a notification links to, and how to name it for someone who may read it. */
export interface LinkedRecordType {
  /** 'deal', 'account', 'coaching-session' … stored with each notification. */
  readonly type: string;
  /** "a deal": how a record is called when the recipient cannot see it. */
  readonly hidden: string;
  /** The web app's path of a record. */
  path(id: string): string;
  /**
   * Names of the records among `ids` that ctx.actor (the recipient) may read now; ids missing from
   * the map are shown without name or link. This is the one visibility check of notifications.
   */
  readableNames(ctx: Ctx, ids: readonly string[]): Promise<Map<string, string>>;
}

export interface TitleInput<D> {
  /** Who caused it (null: the system). */
  readonly actor: string | null;
  /** The record's name, or null when the recipient cannot read it (never leak it). */
  readonly record: string | null;
  readonly data: D;
}

export interface Channels {
  readonly inApp: boolean;
  readonly email: boolean;
}

export interface NotificationKind<D = unknown> {
  /** Stable id, dotted by capability: 'crm.deal-assigned'. Stored in rows and preferences. */
  readonly id: string;
  /** What the preference screen lists: "A deal is assigned to you". */
  readonly label: string;
  readonly record: LinkedRecordType;
  /** The one-line text, in the inbox and as the email subject. */
  title(input: TitleInput<D>): string;
  /** Channels for users who have not chosen. */
  readonly defaults: Channels;
}

export function defineNotificationKind<D>(kind: NotificationKind<D>): NotificationKind<D> {
  if (!/^[a-z][a-z0-9-]*\.[a-z0-9-]+$/.test(kind.id)) throw new Error(`notification kind "${kind.id}" must be capability.kebab-case`);
  return kind;
}

export function defineRecordType(type: LinkedRecordType): LinkedRecordType {
  return type;
}
