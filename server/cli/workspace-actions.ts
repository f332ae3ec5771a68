// furrow workspace show | set, the work: through the workspace service as the first admin, so the
// same validation, version check and history apply as in Settings.
import { WorkspacePatch } from '../../api/identity.js';
import { getWorkspace, patchWorkspace } from '../identity/workspaces.service.js';
import { actorOf, ctxFor, firstAdmin, pickWorkspace, withDatabase } from './cli-context.js';
import { checkInput } from './cli-input.js';
import { type CliIo, println, table, usageError } from './cli-io.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const monthName = (m: number) => `${MONTHS[m - 1]?.[0]?.toUpperCase()}${MONTHS[m - 1]?.slice(1)}`;

/** "4", "04", "apr", "April" → 4. */
export function monthOf(text: string): number {
  const t = text.trim().toLowerCase();
  const n = /^\d{1,2}$/.test(t) ? Number(t) : MONTHS.findIndex((m) => t.length >= 3 && m.startsWith(t)) + 1;
  if (!Number.isInteger(n) || n < 1 || n > 12) throw usageError(`--fiscal-year-start must be a month: 1-12 or a name such as April (got "${text}")`);
  return n;
}

export async function showWorkspace(io: CliIo, opts: { workspace?: string }): Promise<void> {
  await withDatabase(io, async (s) => {
    const ws = await pickWorkspace(s, opts.workspace);
    const w = await getWorkspace(ctxFor(s, actorOf(await firstAdmin(s, ws)), io.now));
    println(
      io.stdout,
      table([
        ['name', w.name],
        ['slug', w.slug],
        ['currency', w.currency],
        ['timezone', w.timezone],
        ['fiscal year starts', monthName(w.fiscalYearStartMonth)],
      ]),
    );
  });
}

interface SetOptions {
  name?: string;
  currency?: string;
  timezone?: string;
  fiscalYearStart?: string;
  workspace?: string;
}

export async function setWorkspace(io: CliIo, opts: SetOptions): Promise<void> {
  const changes = {
    ...(opts.name !== undefined && { name: opts.name }),
    ...(opts.currency !== undefined && { currency: opts.currency.trim().toUpperCase() }),
    ...(opts.timezone !== undefined && { timezone: opts.timezone.trim() }),
    ...(opts.fiscalYearStart !== undefined && { fiscalYearStartMonth: monthOf(opts.fiscalYearStart) }),
  };
  if (Object.keys(changes).length === 0) throw usageError('Nothing to change: give --name, --currency, --timezone or --fiscal-year-start');
  await withDatabase(io, async (s) => {
    const ws = await pickWorkspace(s, opts.workspace);
    const ctx = ctxFor(s, actorOf(await firstAdmin(s, ws)), io.now);
    const current = await getWorkspace(ctx);
    const patch = checkInput(WorkspacePatch, { version: current.version, ...changes }, (path) =>
      path === '/fiscalYearStartMonth' ? '--fiscal-year-start' : `--${path.replace(/^\//, '')}`,
    );
    const w = await patchWorkspace(ctx, patch);
    println(io.stdout, `Workspace ${w.slug}: ${w.currency}, ${w.timezone}, fiscal year starts in ${monthName(w.fiscalYearStartMonth)}`);
  });
}
