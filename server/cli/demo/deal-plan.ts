// Where a deal comes from: which rep opens it and when (seasonally), on which account, from which
// source and campaign, at what starting amount. Pure and per-deal seeded.
import { type AccountBook, type AccountRef, type ContactRef, pickAccount } from './accounts.js';
import { berlinDate, DAY, isWeekend, MINUTE, monthOf, quarterLabel, workingTime } from './calendar.js';
import { OFFERINGS } from './names.js';
import type { RepSeat } from './org.js';
import type { Source } from './profiles.js';
import type { Rng } from './random.js';

export interface Campaign {
  source: Source;
  name: string;
  at: number;
  /** How long after `at` it still brings in deals. */
  days: number;
}

/** Events and webinars at fixed points after go-live, named with their calendar year. */
export function campaignCalendar(windowStart: number): Campaign[] {
  const at = (days: number) => windowStart + days * DAY;
  const year = (days: number) => berlinDate(at(days)).slice(0, 4);
  return [
    { source: 'Event', name: `Sales Leaders Roadshow ${year(25)}`, at: at(25), days: 45 },
    { source: 'Inbound', name: 'Webinar: Farming, not cramming', at: at(110), days: 30 },
    { source: 'Event', name: `Revenue Summit Berlin ${year(160)}`, at: at(160), days: 45 },
    { source: 'Inbound', name: 'Guide: The harvest planner', at: at(200), days: 400 },
    { source: 'Inbound', name: 'Webinar: Forecasts you can trust', at: at(265), days: 30 },
    { source: 'Event', name: `Nordic Sales Forum ${year(300)}`, at: at(300), days: 45 },
    { source: 'Event', name: `Furrow Customer Day ${year(385)}`, at: at(385), days: 45 },
  ];
}

const PARTNERS = ['Partner: Brightpath Consulting', 'Partner: Kestrel Advisors', 'Partner: Nordlicht Digital'];

/** Summer and the holidays are slow; autumn and the start of the year are busy. */
const MONTH_WEIGHT = [0, 1.05, 1.05, 1.1, 1, 1, 0.95, 0.85, 0.7, 1.1, 1.1, 1.05, 0.7];

export interface DealWorld {
  reps: readonly RepSeat[];
  book: AccountBook;
  campaigns: readonly Campaign[];
  windowStart: number;
  now: number;
}

export interface DealSeed {
  rep: RepSeat;
  createdAt: number;
  account: AccountRef | null;
  contact: ContactRef | null;
  source: Source;
  campaign: string | null;
  name: string;
  /** Minor units (EUR cents). */
  amount: number;
}

export function repWeights(reps: readonly RepSeat[]): (readonly [RepSeat, number])[] {
  return reps.map((r) => [r, r.segment.dealRate * r.profile.dealRate] as const);
}

function creationTime(world: DealWorld, rng: Rng): number {
  const span = world.now - world.windowStart;
  for (;;) {
    const t = world.windowStart + rng.next() * span;
    if (isWeekend(t)) continue;
    // Planting grows a little over the year as the team settles into the process.
    const weight = (MONTH_WEIGHT[monthOf(t)] ?? 1) * (0.9 + (0.2 * (t - world.windowStart)) / span);
    if (rng.next() * 1.35 < weight) {
      const at = workingTime(t, rng);
      return at < world.now ? at : world.now - rng.int(10, 240) * MINUTE;
    }
  }
}

function sourceAndCampaign(world: DealWorld, rep: RepSeat, at: number, rng: Rng): { source: Source; campaign: string | null } {
  const source = rng.weighted(rep.segment.sources);
  const live = (kind: string) => world.campaigns.filter((c) => c.source === source && c.name.startsWith(kind) && c.at <= at && at - c.at <= c.days * DAY);
  switch (source) {
    case 'Inbound': {
      const webinar = live('Webinar').at(-1);
      if (webinar && rng.chance(0.5)) return { source, campaign: webinar.name };
      const guide = live('Guide').at(-1);
      if (guide && rng.chance(0.3)) return { source, campaign: guide.name };
      return { source, campaign: 'Website' };
    }
    case 'Event': {
      const event = world.campaigns.filter((c) => c.source === 'Event' && c.at <= at && at - c.at <= c.days * DAY).at(-1);
      return event ? { source, campaign: event.name } : { source: 'Outbound', campaign: `Outbound ${quarterLabel(berlinDate(at))} sequence` };
    }
    case 'Partner':
      return { source, campaign: rng.pick(PARTNERS) };
    case 'Outbound':
      return { source, campaign: rng.chance(0.7) ? `Outbound ${quarterLabel(berlinDate(at))} sequence` : null };
    case 'Referral':
      return { source, campaign: null };
  }
}

export function planDeal(world: DealWorld, weights: readonly (readonly [RepSeat, number])[], rng: Rng): DealSeed {
  const rep = rng.weighted(weights);
  const createdAt = creationTime(world, rng);
  const account = pickAccount(world.book, rep.id, createdAt, rng);
  const contacts = account?.contacts.filter((c) => c.createdAt <= createdAt) ?? [];
  const contact = contacts.length > 0 && rng.chance(0.92) ? rng.pick(contacts) : null;
  const { source, campaign } = sourceAndCampaign(world, rep, createdAt, rng);
  const offering = rng.pick(OFFERINGS);
  const company = account ? account.name.split(' ').slice(0, 2).join(' ') : 'New prospect';
  const euros = rng.lognormal(rep.segment.sizeMedian * rep.profile.sizeFactor * (account?.sizeFactor ?? 1), rep.segment.sizeSigma);
  const amount = Math.max(1_000, Math.round(euros / 500) * 500) * 100;
  return { rep, createdAt, account, contact, source, campaign, name: `${company} – ${offering}`, amount };
}
