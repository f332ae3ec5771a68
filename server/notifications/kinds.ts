// The catalogue: every notification kind, listed explicitly. A capability adds its kinds here.
import {
  leadAcceptAtRisk,
  leadAcceptBreached,
  leadAttemptsAtRisk,
  leadAttemptsBreached,
  leadReassignedAway,
  leadReassignedToYou,
  leadTouchAtRisk,
  leadTouchBreached,
} from '../alignment/lead.notifications.js';
import { actionItemDue, dealReviewed, sessionOverdue } from '../coaching/coaching.notifications.js';
import { dealAssigned, dealMoved } from '../crm/deal.notifications.js';
import { dealCommented } from '../crm/deal-comment.notifications.js';
import { expectationWentRed } from '../measurement/expectation.notifications.js';
import { overrideReviewed } from '../process/override-review.notifications.js';
import { weeklyDigest } from '../rhythm/digest.notifications.js';
import { disciplineBelowStart } from '../rhythm/discipline.notifications.js';
import { ritualStartsSoon } from '../rhythm/ritual.notifications.js';
import type { NotificationKind } from './kind.js';

// biome-ignore lint/suspicious/noExplicitAny: kinds with different payloads; each is typed where it is defined and sent
export const KINDS: readonly NotificationKind<any>[] = [
  dealAssigned,
  dealMoved,
  dealCommented,
  ritualStartsSoon,
  sessionOverdue,
  actionItemDue,
  dealReviewed,
  weeklyDigest,
  disciplineBelowStart,
  expectationWentRed,
  overrideReviewed,
  leadAcceptAtRisk,
  leadAcceptBreached,
  leadTouchAtRisk,
  leadTouchBreached,
  leadAttemptsAtRisk,
  leadAttemptsBreached,
  leadReassignedToYou,
  leadReassignedAway,
];

// biome-ignore lint/suspicious/noExplicitAny: kinds with different payloads; each is typed where it is defined and sent
export function kindById(id: string): NotificationKind<any> | undefined {
  return KINDS.find((k) => k.id === id);
}
