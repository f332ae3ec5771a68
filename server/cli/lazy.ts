// Commands are defined up front but their code loads only when one runs: `furrow --help` must not
// load Kysely, the database drivers and every service to print a page of text.
import type { CliIo } from './cli-io.js';

/** An action that imports its module when commander calls it, then runs `pick(module)` with io first. */
export function lazyAction<M, A extends unknown[]>(
  io: CliIo,
  load: () => Promise<M>,
  pick: (module: M) => (io: CliIo, ...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => pick(await load())(io, ...args);
}
