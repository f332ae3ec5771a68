// The default rhythm a new team is offered: the six kinds of ritual at the cadence the operating
// rhythm asks for, owned by the team's manager. A 1:1 is one series per person coached. Pure.
import type { RitualKind } from '../../api/rituals.js';
import { addDays } from '../../lib/calendar.js';

export interface ProposalInput {
  /** Today in the workspace time zone. */
  today: string;
  ownerId: string;
  memberIds: readonly string[];
  /** People of marketing, who co-own the lead agreement. */
  marketingIds: readonly string[];
  /** Kinds the team keeps already (1:1s: the people who have one). */
  existing: ReadonlySet<string>;
  names: ReadonlyMap<string, string>;
}

export interface Proposal {
  key: string;
  kind: RitualKind;
  title: string;
  rrule: string;
  startsAt: string;
  durationMinutes: number;
  ownerId: string;
  attendeeIds: string[];
}

export const KIND_LABEL: Record<RitualKind, string> = {
  pipeline_review: 'Weekly pipeline review',
  one_on_one: '1:1 coaching',
  forecast_call: 'Forecast call',
  practice_lab: 'Practice lab',
  adherence_review: 'Monthly adherence review',
  lead_agreement_review: 'Quarterly lead-agreement review',
};

const TEAM_RHYTHM: { kind: Exclude<RitualKind, 'one_on_one'>; rrule: string; time: string; minutes: number }[] = [
  { kind: 'pipeline_review', rrule: 'FREQ=WEEKLY;BYDAY=MO', time: '09:00', minutes: 60 },
  { kind: 'forecast_call', rrule: 'FREQ=WEEKLY;BYDAY=TH', time: '16:00', minutes: 30 },
  { kind: 'practice_lab', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE', time: '15:00', minutes: 60 },
  { kind: 'adherence_review', rrule: 'FREQ=MONTHLY;BYDAY=1TU', time: '10:00', minutes: 45 },
  { kind: 'lead_agreement_review', rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=1WE', time: '11:00', minutes: 60 },
];

/** The series start the day after today; the rule picks the first matching day from there. */
export function proposalsFor(input: ProposalInput): Proposal[] {
  const start = addDays(input.today, 1);
  const out: Proposal[] = [];
  for (const r of TEAM_RHYTHM) {
    if (input.existing.has(r.kind)) continue;
    const marketing = r.kind === 'lead_agreement_review' ? input.marketingIds : [];
    out.push({
      key: r.kind,
      kind: r.kind,
      title: KIND_LABEL[r.kind],
      rrule: r.rrule,
      startsAt: `${start}T${r.time}`,
      durationMinutes: r.minutes,
      ownerId: input.ownerId,
      attendeeIds: [...new Set([...input.memberIds, ...marketing])].filter((id) => id !== input.ownerId),
    });
  }
  for (const member of input.memberIds) {
    if (member === input.ownerId || input.existing.has(`one_on_one:${member}`)) continue;
    out.push({
      key: `one_on_one:${member}`,
      kind: 'one_on_one',
      title: `1:1 with ${input.names.get(member) ?? 'a team member'}`,
      rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR',
      startsAt: `${start}T11:00`,
      durationMinutes: 30,
      ownerId: input.ownerId,
      attendeeIds: [member],
    });
  }
  return out;
}
