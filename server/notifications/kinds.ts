// The catalogue: every notification kind, listed explicitly. A capability adds its kinds here.
import { dealAssigned, dealMoved } from '../crm/deal.notifications.js';
import type { NotificationKind } from './kind.js';

export const KINDS: readonly NotificationKind<any>[] = [dealAssigned, dealMoved];

export function kindById(id: string): NotificationKind<any> | undefined {
  return KINDS.find((k) => k.id === id);
}
