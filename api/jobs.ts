// A background job as a caller sees it (a long import or export polls this by id).
import { type Static, Type } from 'typebox';
import { Id, Instant, NullableInstant } from './common.js';

export const JobState = Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('done'), Type.Literal('failed'), Type.Literal('cancelled')]);

export const JobProgress = Type.Object({
  id: Id,
  name: Type.String(),
  state: JobState,
  attempts: Type.Integer({ minimum: 0 }),
  progress: Type.Unknown({ description: 'What the job last reported, e.g. { done: 1200, total: 5000 }; null before it reports' }),
  result: Type.Unknown({ description: 'What the job produced once done (an import: its ImportResult report); null before' }),
  lastError: Type.Union([Type.String(), Type.Null()]),
  runAt: Instant,
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
