// The system acting in a workspace for a job: the CSO's reach, nobody's own action (so everyone
// concerned is notified), the job's clock and, inside a transaction, the transaction's handle.

import type { Kysely } from 'kysely';
import type { Ctx } from '../context.js';
import type { DB } from '../db/schema.js';
import type { JobRun } from './job.js';

export function systemCtx(job: JobRun<unknown>, db: Kysely<DB> = job.db): Ctx {
  return {
    db,
    dialect: job.dialect,
    actor: { userId: 'system', workspaceId: job.workspaceId as string, role: 'admin', teamId: null, name: 'Furrow', email: '', via: 'system' },
    now: job.now,
    config: job.config,
    memo: new Map(),
  };
}
