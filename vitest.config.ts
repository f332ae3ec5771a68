import { defineConfig } from 'vitest/config';

// Four groups, one after another (sequence.groupOrder). Vitest's default is one worker less than
// the CPUs, one on CI's two cores: every file ran in a row and the run neared its 30 minutes. The
// server suites isolate themselves by workspace (or database), so they share two workers; the ones
// that measure latency under load (and the scale-out suite: two servers, haproxy, a kill) run alone
// after them; then the journeys (each a server and a browser of its own) two at a time, and last,
// alone, the journeys that measure page speed (decision 0200).
const latencyUnderLoad = [
  'server/crm/import-export/export-availability.test.ts',
  'server/crm/import-export/import-availability.test.ts',
  'server/ops/availability-abuse.test.ts',
  'server/ops/scale-out.test.ts',
];

// Journeys that assert page speed (LCP, long tasks) run alone after the others.
const timedJourneys = ['e2e/page-speed.e2e.ts', 'e2e/board-scale.e2e.ts'];

// A caller may leave folders out of the server project (comma-separated globs), e.g. a quick Node 24
// check (decision 0200). vitest's own --exclude does not reach a project's files.
const leftOut = (process.env.FURROW_TEST_EXCLUDE ?? '').split(',').filter(Boolean);

/** What both groups of journeys share: each file a server and a browser of its own, one module graph per worker. */
const journeys = {
  globalSetup: ['e2e/global-setup.ts'],
  // A journey drives a real browser through many screens; a busy CI machine takes a while.
  testTimeout: 180_000,
  hookTimeout: 180_000,
  // expect.poll waits for a state the page reaches after a server round trip; vitest's default
  // of 1 s lost to a loaded machine (a saved override read back in 1.4 s failed the Year journey).
  expect: { poll: { timeout: 30_000, interval: 100 } },
  isolate: false,
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: ['server/**/*.test.ts', 'api/**/*.test.ts', 'lib/**/*.test.ts', 'bench/**/*.test.ts', 'web/**/*.test.ts'],
          exclude: [...latencyUnderLoad, ...leftOut],
          // Each worker imports the server's module graph once, not once per file: isolating the 161
          // files spent 344 s (Node 20) and 507 s (Node 24) of worker time importing it again, a
          // third of CI. The suites share nothing through modules but caches keyed by workspace and
          // version, and each stops what it starts (decision 0200).
          isolate: false,
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'server-latency',
          include: latencyUnderLoad,
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: {
          ...journeys,
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          exclude: timedJourneys,
          maxWorkers: 2,
          sequence: { groupOrder: 3 },
        },
      },
      {
        test: {
          ...journeys,
          name: 'e2e-timed',
          include: timedJourneys,
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 4 },
        },
      },
    ],
  },
});
