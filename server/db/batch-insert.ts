// Multi-row INSERTs for bulk writes (an import writes thousands of rows a slice): one statement per
// chunk, each under the engines' bound-parameter limits (SQLite 32,766; PostgreSQL 65,535), so the
// rows cost a few round trips instead of one each.

/** Bound parameters one statement may carry on either engine (SQLite's limit, the lower one). */
const MAX_PARAMETERS = 32_766;

/** The rows in chunks whose parameters (rows × columns) fit one statement on both engines. */
export function insertChunks<R extends object>(rows: readonly R[]): R[][] {
  const first = rows[0];
  if (!first) return [];
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(first).length));
  const out: R[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
