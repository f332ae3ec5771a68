// Reminders before a meeting whose type maps to a practice scenario the rep is not ready for.
import type { Ctx } from '../context.js';

export interface UpcomingMeeting {
  key: string;
  ownerId: string;
  meetingType: string | null;
  subject: string;
}

export async function practiceReminders(_ctx: Ctx, _meetings: readonly UpcomingMeeting[]): Promise<Map<string, string[]>> {
  return new Map();
}
