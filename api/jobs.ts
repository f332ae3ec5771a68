// A background job as a caller sees it (a long import or export polls this by id).
import { type Static, Type } from 'typebox';
import { Id, Instant, NullableInstant } from './common.js';

export const JobState = Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('done'), Type.Literal('failed'), Type.Literal('cancelled')]);
export type JobState = Static<typeof JobState>;

export const JobProgress = Type.Object({
  id: Id,
  name: Type.String(),
  state: JobState,
  attempts: Type.Integer({ minimum: 0 }),
  progress: Type.Unknown({ description: 'What the job last reported, e.g. { done: 1200, total: 5000 }; null before it reports' }),
  result: Type.Unknown({ description: 'What the job produced once done (an import: its ImportResult report); null before' }),
  lastError: Type.Union([Type.String(), Type.Null()]),
  runAt: Instant,
  startedAt: Type.Union([Instant, Type.Null()], { description: 'When the current attempt started (a runner claimed it); null while queued' }),
  finishedAt: NullableInstant,
});
export type JobProgress = Static<typeof JobProgress>;

export const JobParams = Type.Object({ id: Id });

/** The answer of a request that started a job (202): poll GET /api/v1/jobs/{id}. */
export const JobAccepted = Type.Object({
  jobId: Id,
  state: JobState,
  location: Type.String({ description: 'Where to poll: /api/v1/jobs/{jobId}' }),
});
export type JobAccepted = Static<typeof JobAccepted>;

/** A job in the operator's list: what ran, how it went; never its payload (it may hold personal data). */
export const JobSummary = Type.Object({
  id: Id,
  name: Type.String(),
  state: JobState,
  attempts: Type.Integer({ minimum: 0 }),
  maxAttempts: Type.Integer({ minimum: 1 }),
  runAt: Instant,
  startedAt: Type.Union([Instant, Type.Null()], { description: 'When the current attempt started (a runner claimed it); null while queued' }),
  finishedAt: NullableInstant,
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdBy: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()], { description: 'Null for system and scheduled jobs' }),
  scope: Type.Union([Type.Literal('workspace'), Type.Literal('system')], {
    description: "system: Furrow's own housekeeping for every workspace (shown, never retried from a workspace)",
  }),
});
export type JobSummary = Static<typeof JobSummary>;

export const JobListQuery = Type.Object(
  {
    state: Type.Optional(Type.Union([Type.Literal('failed'), Type.Literal('queued'), Type.Literal('running'), Type.Literal('done')])),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Only jobs of this name' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type JobListQuery = Static<typeof JobListQuery>;

export const JobList = Type.Object({ items: Type.Array(JobSummary) });
export type JobList = Static<typeof JobList>;

/** A recurring schedule that applies to the workspace, with the last job it (or "Run now") queued here. */
export const JobScheduleView = Type.Object({
  name: Type.String({ description: 'The job it queues' }),
  description: Type.String(),
  scope: Type.Union([Type.Literal('workspace'), Type.Literal('system')], { description: 'system: one schedule for every workspace' }),
  cron: Type.String(),
  timezone: Type.String({ description: "The zone the cron is read in: the workspace's for a workspace schedule, UTC for a system one" }),
  nextRunAt: Instant,
  lastJob: Type.Union([
    Type.Object({
      id: Id,
      state: JobState,
      finishedAt: NullableInstant,
      attempts: Type.Integer({ minimum: 0 }),
      lastError: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
});
export type JobScheduleView = Static<typeof JobScheduleView>;

export const JobScheduleList = Type.Object({ items: Type.Array(JobScheduleView) });
export type JobScheduleList = Static<typeof JobScheduleList>;

export const JobScheduleParams = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) });
