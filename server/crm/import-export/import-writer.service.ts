// Writes an import's planned rows in one transaction, a batch of the file at a time: new deals
// planned in memory (deal-batch.service.ts) go out a slice at a time in multi-row statements, every
// other row through the services in a savepoint of its own. Nothing is kept unless every row of
// every batch was accepted (all or nothing), or, for a resumable import, each batch is kept on its
// own once every row up to it was; a dry run keeps nothing at all.
import type { ImportRowError } from '../../../api/imports.js';
import type { Ctx } from '../../context.js';
import { checkpointNow } from '../../db/sqlite-checkpointer.js';
import { DealBatch } from '../deal-batch.service.js';
import { type PlannedRow, rowErrorOf } from './import-row.js';

/**
 * New deals planned per slice go to the database together: a slice's rows of each table in one
 * multi-row statement (~750 rows of history for 50 deals). Small enough that one statement stays a
 * short stop of the event loop on SQLite: with 500, /healthz waited 2.7 s at worst during a 20k
 * import on a loaded machine (load 21), 0.9 s with 100; 50 costs little (CPU ratio to a bare insert 0.28 vs 0.32).
 */
const SLICE_ROWS = 50;

type Transaction = Awaited<ReturnType<ReturnType<Ctx['db']['startTransaction']>['execute']>>;

export class ImportWriter {
  /** The rows the rules refused while writing, with their lines. */
  readonly errors: ImportRowError[] = [];
  private trx: Transaction | null = null;
  private batch: DealBatch | null = null;

  constructor(
    private readonly ctx: Ctx,
    private readonly dryRun: boolean,
    private readonly pause: () => Promise<void>,
  ) {}

  /**
   * Writes (or, in a dry run or once a row was refused, only checks) one batch's planned rows.
   * `progress` hears how many of them are done.
   */
  async write(planned: readonly PlannedRow[], progress: (done: number) => Promise<void>): Promise<void> {
    let done = 0;
    for (const row of planned) {
      done++;
      if (row.batched) {
        const batch = await this.dealBatch();
        try {
          await row.batched(batch);
        } catch (error) {
          const rowError = rowErrorOf(row.line, error);
          if (!rowError) throw error;
          this.errors.push(rowError);
        }
        if (batch.size >= SLICE_ROWS) await this.flush();
      } else if (row.write) {
        // A savepoint per row lets a refused row be undone alone, so later rows are still checked
        // and every problem is reported in one run (PostgreSQL aborts a transaction on any error).
        const trx = await this.transaction();
        const sp = await trx.savepoint('import_row').execute();
        try {
          await row.write({ ...this.ctx, db: sp });
          await sp.releaseSavepoint('import_row').execute();
        } catch (error) {
          const rowError = rowErrorOf(row.line, error);
          if (!rowError) throw error;
          await sp.rollbackToSavepoint('import_row').execute();
          this.errors.push(rowError);
        }
      }
      await progress(done);
    }
    await this.flush();
  }

  /** Commits when every row was accepted and this is no dry run (`onSuccess` runs inside, last); else rolls back. */
  async finish(keep: boolean, onSuccess: (tx: Ctx) => Promise<void>): Promise<void> {
    await this.flush();
    const trx = this.trx;
    this.trx = null;
    if (!trx) {
      if (keep && !this.dryRun && this.errors.length === 0) await onSuccess(this.ctx);
      return;
    }
    if (!keep || this.errors.length > 0 || this.dryRun) {
      await trx.rollback().execute();
      return;
    }
    await onSuccess({ ...this.ctx, db: trx });
    await trx.commit().execute();
  }

  /**
   * A resumable import (decision 0209): keeps the batch just written, `onKeep` (the run's progress)
   * in the same transaction, when every row so far was accepted; else drops it and keeps nothing more.
   * The next batch writes in a transaction of its own, so a crash loses at most the batch in hand.
   */
  async keepBatch(keep: boolean, onKeep: (tx: Ctx) => Promise<void>): Promise<boolean> {
    await this.flush();
    this.batch = null;
    const trx = this.trx;
    this.trx = null;
    if (!keep || this.errors.length > 0 || this.dryRun) {
      await trx?.rollback().execute();
      return false;
    }
    if (!trx) {
      // Nothing written (every row unchanged): the progress alone, one statement.
      await onKeep(this.ctx);
      return true;
    }
    try {
      await onKeep({ ...this.ctx, db: trx });
    } catch (error) {
      await trx.rollback().execute();
      throw error;
    }
    await trx.commit().execute();
    // SQLite: copy the batch back into the file now, so the next batch's transaction restarts the log.
    if (this.ctx.dialect.engine === 'sqlite') await checkpointNow(this.ctx.db);
    return true;
  }

  /**
   * Where the next batch is checked: inside the transaction once one is open. On SQLite it holds the
   * only connection, so a read beside it would wait for the commit; and on both engines a batch then
   * sees the records the batches before it wrote, as one file read whole sees its own.
   */
  readsOf(ctx: Ctx): Ctx {
    return this.trx ? { ...ctx, db: this.trx } : ctx;
  }

  /** Undoes everything after a failure the rows did not cause. */
  async abort(): Promise<void> {
    const trx = this.trx;
    this.trx = null;
    await trx?.rollback().execute();
  }

  // A dry run opens a transaction only for rows checked by writing them (updates, other records):
  // on SQLite a transaction holds the write gate, and a 20 MB file's check held every other writer
  // of the app back for as long as it ran. New deals are checked in memory.
  private async transaction(): Promise<Transaction> {
    this.trx ??= await this.ctx.db.startTransaction().execute();
    return this.trx;
  }

  private async dealBatch(): Promise<DealBatch> {
    if (!this.batch) {
      const db = this.dryRun ? this.ctx.db : await this.transaction();
      this.batch = new DealBatch({ ...this.ctx, db });
    }
    return this.batch;
  }

  // Once a row is refused nothing will be kept: the rest are still checked, not written.
  private async flush(): Promise<void> {
    if (!this.batch) return;
    if (this.errors.length > 0 || this.dryRun) this.batch.discard();
    else await this.batch.flush(this.pause);
  }
}
