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
  lastError: Type.Union([Type.String(), Type.Null()]),
  runAt: Instant,
  finishedAt: NullableInstant,
});
export type JobProgress = Static<typeof JobProgress>;
