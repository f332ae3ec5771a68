// The demo's deal reviews (issue 10): in the last five weeks each manager who keeps a coaching
// rhythm inspects their reps' biggest open deals against the stage criteria and writes findings and
// coaching notes — two deals per rep in the team that keeps its cadence, one in the steady team,
// none in the team whose coaching lapsed after the first quarter. Written through the deal reviews
// service as the manager on the day, so each review is on the deal's timeline, notified to the rep
// and on their next coaching agenda, exactly as one made in the app.
import type { Kysely } from 'kysely';
import { createDealReview } from '../../coaching/deal-reviews.service.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { actAs } from './as-user.js';
import { DAY, HOUR } from './calendar.js';
import { hash32, Rng, stringSeed } from './random.js';

const REVIEW_SEED = 0xdea1e7e3;

/** Findings and the coaching that follows from them, as a manager writes them after a review. */
const REVIEWS = [
  {
    findings: 'Economic buyer not met yet; the champion speaks for them. Close date rests on a budget cycle nobody confirmed.',
    notes: 'Ask the champion for a 20-minute meeting with the CFO before proposing; bring the value case in their numbers.',
  },
  {
    findings: 'Decision process unclear: procurement and security review are not on the plan. Next step has no date.',
    notes: 'Map the decision process with the champion this week and put dated steps in the close plan.',
  },
  {
    findings: 'Strong pain and a quantified business case. Competition named late (incumbent spreadsheet plus one vendor).',
    notes: 'Prepare the two differentiators that matter to this buyer; practise the incumbent objection before the demo.',
  },
  {
    findings: 'Amount grew without a change in scope; discount already discussed before pricing was presented.',
    notes: 'Re-anchor on the agreed value before the next call; no further discount without a give-get.',
  },
  {
    findings: 'Single-threaded: one contact, no second sponsor. Paper process unknown.',
    notes: 'Multi-thread: ask for an introduction to the operations lead; confirm who signs and how.',
  },
] as const;

export interface ReviewPair {
  coach: { id: string; email: string };
  coachee: { id: string; email: string };
  profile: 'keeps' | 'fades' | 'steady';
}

export async function seedDealReviews(database: Database, db: Kysely<DB>, input: { ws: string; now: number; pairs: readonly ReviewPair[] }): Promise<number> {
  const as = actAs(database, db, input.ws);
  let n = 0;
  for (const pair of input.pairs) {
    const perRep = pair.profile === 'keeps' ? 2 : pair.profile === 'steady' ? 1 : 0;
    if (perRep === 0) continue;
    const rng = new Rng(hash32(REVIEW_SEED, stringSeed(pair.coachee.email)));
    const open = await db
      .selectFrom('deals')
      .select(['id', 'created_at'])
      .where('workspace_id', '=', input.ws)
      .where('owner_id', '=', pair.coachee.id)
      .where('status', '=', 'open')
      .where('deleted_at', 'is', null)
      .orderBy('amount', 'desc')
      .orderBy('id')
      .limit(perRep)
      .execute();
    for (const deal of open) {
      // A weekday morning 5–33 days ago, never before the deal existed.
      let at = Math.floor((input.now - (5 + rng.int(0, 28)) * DAY) / DAY) * DAY + (9 + rng.int(0, 7)) * HOUR;
      while ([0, 6].includes(new Date(at).getUTCDay())) at -= DAY;
      if (at <= Number(deal.created_at)) continue;
      const review = rng.pick(REVIEWS);
      await createDealReview(await as(pair.coach.id, at), deal.id, { findings: review.findings, coachingNotes: review.notes });
      n++;
    }
  }
  return n;
}
