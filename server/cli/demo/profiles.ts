// How reps and teams differ. Every KPI difference in the demo comes from these knobs driving the
// simulation, never from numbers written into the data directly.

export type Segment = 'field' | 'enterprise' | 'midmarket';
export type Source = 'Inbound' | 'Outbound' | 'Partner' | 'Event' | 'Referral';

export interface SegmentProfile {
  segment: Segment;
  /** Median deal size in EUR. */
  sizeMedian: number;
  sizeSigma: number;
  /** Multiplier on the time spent in every stage. */
  speed: number;
  /** Relative number of deals a rep of this segment opens. */
  dealRate: number;
  sources: readonly (readonly [Source, number])[];
  /** Employee counts of the accounts this segment sells to. */
  accountSize: readonly [min: number, max: number];
}

export const SEGMENTS: Record<Segment, SegmentProfile> = {
  field: {
    segment: 'field',
    sizeMedian: 24_000,
    sizeSigma: 0.55,
    speed: 1,
    dealRate: 1,
    sources: [
      ['Inbound', 35],
      ['Outbound', 30],
      ['Partner', 12],
      ['Event', 13],
      ['Referral', 10],
    ],
    accountSize: [50, 2_000],
  },
  enterprise: {
    segment: 'enterprise',
    sizeMedian: 85_000,
    sizeSigma: 0.6,
    speed: 1.35,
    dealRate: 0.6,
    sources: [
      ['Inbound', 15],
      ['Outbound', 40],
      ['Partner', 20],
      ['Event', 15],
      ['Referral', 10],
    ],
    accountSize: [1_000, 60_000],
  },
  midmarket: {
    segment: 'midmarket',
    sizeMedian: 11_000,
    sizeSigma: 0.5,
    speed: 0.7,
    dealRate: 1.45,
    sources: [
      ['Inbound', 55],
      ['Outbound', 25],
      ['Partner', 5],
      ['Event', 7],
      ['Referral', 8],
    ],
    accountSize: [20, 800],
  },
};

export interface RepProfile {
  /** What kind of seller this is, for tests and for people reading the demo. */
  archetype: string;
  /** Multiplier on the chance of advancing out of every stage (drives win rate). */
  advance: number;
  /** Multiplier on time in stage (drives cycle length). */
  speed: number;
  sizeFactor: number;
  dealRate: number;
  /** Multiplier on logged activity volume. */
  activity: number;
  /** Share of forward moves that met every exit criterion; the rest are overrides with a reason. */
  meetRate: number;
  /** Share of forward moves that jump over a stage. */
  skipRate: number;
  /** Chance a deal is moved back a stage once. */
  backRate: number;
  /** Chance a stage stay stalls past the stage's aging limit. */
  agingRate: number;
  /** Chance an open deal has a scheduled next step. */
  nextStepRate: number;
  /** Chance a win is held back or pulled in to land in the quarter's last two weeks. */
  crams: number;
  /** Chance a close date that has passed is moved out instead of left stale. */
  hygiene: number;
  /** Share of moves made on the board rather than the deal form. */
  boardShare: number;
  lostBias: Partial<Record<string, number>>;
}

const base: RepProfile = {
  archetype: 'steady',
  advance: 1,
  speed: 1,
  sizeFactor: 1,
  dealRate: 1,
  activity: 1,
  meetRate: 0.9,
  skipRate: 0.03,
  backRate: 0.04,
  agingRate: 0.06,
  nextStepRate: 0.8,
  crams: 0,
  hygiene: 0.85,
  boardShare: 0.5,
  lostBias: {},
};

const rep = (patch: Partial<RepProfile> & { archetype: string }): RepProfile => ({ ...base, ...patch });

/** The fifteen demo reps in order (rep1 … rep15): five per team, each team with a mix. */
export const REP_ARCHETYPES: readonly RepProfile[] = [
  // Field Sales
  rep({
    archetype: 'farmer',
    advance: 1.08,
    speed: 0.95,
    activity: 1.4,
    meetRate: 0.97,
    skipRate: 0.01,
    backRate: 0.02,
    agingRate: 0.03,
    nextStepRate: 0.93,
    hygiene: 0.97,
  }),
  rep({ archetype: 'crammer', advance: 1.0, activity: 0.9, meetRate: 0.8, crams: 0.75, agingRate: 0.1, nextStepRate: 0.6, lostBias: { Price: 3 } }),
  rep({ archetype: 'overrider', advance: 1.1, activity: 1.1, meetRate: 0.55, crams: 0.15, boardShare: 0.8 }),
  rep({
    archetype: 'skipper',
    advance: 0.95,
    meetRate: 0.75,
    skipRate: 0.3,
    backRate: 0.2,
    boardShare: 0.85,
    lostBias: { 'No decision': 2, 'Product fit': 2 },
  }),
  rep({ archetype: 'new hire', advance: 0.86, speed: 1.2, activity: 0.7, meetRate: 0.85, agingRate: 0.15, nextStepRate: 0.5, sizeFactor: 0.8, dealRate: 0.8 }),
  // Enterprise
  rep({ archetype: 'farmer', advance: 1.05, activity: 1.25, meetRate: 0.95, skipRate: 0.01, agingRate: 0.04, nextStepRate: 0.9, hygiene: 0.95 }),
  rep({
    archetype: 'stale pipeline',
    advance: 0.95,
    activity: 0.75,
    agingRate: 0.35,
    nextStepRate: 0.3,
    hygiene: 0.4,
    lostBias: { 'Lost contact': 3, Timing: 2 },
  }),
  rep({ archetype: 'crammer', advance: 1.0, meetRate: 0.65, crams: 0.7, sizeFactor: 1.15, lostBias: { Price: 2 } }),
  rep({ archetype: 'star', advance: 1.12, speed: 0.85, activity: 1.3, meetRate: 0.92, nextStepRate: 0.9, sizeFactor: 1.2 }),
  rep({ archetype: 'skipper', advance: 0.92, meetRate: 0.7, skipRate: 0.25, backRate: 0.15, boardShare: 0.8 }),
  // Mid-Market
  rep({ archetype: 'farmer', advance: 1.05, activity: 1.5, meetRate: 0.96, skipRate: 0.01, agingRate: 0.03, nextStepRate: 0.92, hygiene: 0.95 }),
  rep({
    archetype: 'volume',
    advance: 0.88,
    dealRate: 1.3,
    activity: 1.2,
    meetRate: 0.8,
    skipRate: 0.1,
    sizeFactor: 0.85,
    lostBias: { 'No budget': 2, 'Product fit': 2 },
  }),
  rep({ archetype: 'overrider', advance: 1.02, meetRate: 0.5, skipRate: 0.08, boardShare: 0.85 }),
  rep({ archetype: 'stale pipeline', advance: 0.9, activity: 0.6, agingRate: 0.3, nextStepRate: 0.35, hygiene: 0.5, lostBias: { 'Lost contact': 3 } }),
  rep({ archetype: 'crammer', advance: 1.0, meetRate: 0.82, crams: 0.7, nextStepRate: 0.7 }),
];

export const DEMO_SEGMENTS: readonly Segment[] = ['field', 'enterprise', 'midmarket'];

/** Advancing out of Qualify … Negotiation (the last one is the win) before a rep's multiplier. */
export const BASE_ADVANCE = [0.7, 0.75, 0.76, 0.78, 0.78] as const;
/** Median days in Qualify … Negotiation before segment and rep multipliers. */
export const BASE_DWELL_DAYS = [6, 12, 15, 11, 8] as const;

/** Deals from warm sources convert better; the funnel by source should show it. */
export const SOURCE_ADVANCE: Record<Source, number> = { Referral: 1.08, Partner: 1.05, Inbound: 1, Event: 0.97, Outbound: 0.95 };
