// Pure rules of the historical import (decision 0180): the stage history a deals file implies. When
// the file dates the stages a deal entered (HubSpot's "Date entered <stage>" columns) the history is
// those entries in time order; otherwise it is the little the file says — born at its create date in
// the stage it is in (or had reached, for a closed deal), closed at its close date — and nothing is
// made up: no stage is called skipped, no start date is invented for a deal whose file has none.
import type { Stage } from '../../../api/pipelines.js';
import { stageKey } from './deal-import-rules.js';

/** HubSpot: `Date entered "Appointment scheduled (Sales Pipeline)"`; the stage text, or null for another column. */
export function stageEntryHeader(header: string): string | null {
  const m = /^\s*date\s+entered\s*:?\s+(.+?)\s*$/i.exec(header);
  if (!m) return null;
  const text = (m[1] as string).replace(/^["'“”‘’]+|["'“”‘’]+$/g, '').trim();
  return stageKey(text) === '' ? null : text;
}

/** A stage the file dates: entered at `at`, read from the column `field`. */
export interface DatedStage {
  stage: Stage;
  at: number;
  field: string;
}

export interface ImportedHistory {
  createdAt: number;
  /** The file gives no start: createdAt is only the first instant known of the deal. */
  createdUnknown: boolean;
  /** The stage the deal is born in; null for the pipeline's first open stage. */
  born: Stage | null;
  /** Every later stage change, in time order; a closed deal's last one closes it. */
  moves: { stage: Stage; at: number }[];
  /** The deal's current stage had no date of its own, so it is entered with the last dated one. */
  undatedCurrent: boolean;
}

export type HistoryResult = { ok: true; history: ImportedHistory } | { ok: false; field: string; message: string };

export interface HistoryInput {
  /** Stages dated by the file, any order. */
  entries: readonly DatedStage[];
  /** Where the deal ends (the stage or status column); null when the row says neither. */
  final: Stage | null;
  /** For a closed deal, the open stage it had reached, when the file names one. */
  reached: Stage | null;
  /** The file's create date, if any. */
  createdAt: number | undefined;
  /** For a closed deal: the instant its close date means. */
  closeAt: number | null;
  /** When the import runs: an open deal of unknown start is first known now. */
  now: number;
}

const byTime = (a: DatedStage, b: DatedStage) => a.at - b.at || a.stage.position - b.stage.position;

export function importedHistory(input: HistoryInput): HistoryResult {
  const { final, createdAt } = input;
  const closed = final && final.kind !== 'open' ? final : null;
  // A dated closed stage is the precise instant of closing; other closed stages' dates (a deal lost,
  // then reopened and won) cannot be placed without the moves between, so they are left aside.
  const closing = closed ? input.entries.find((e) => e.stage.id === closed.id) : undefined;
  const closeAt = closed ? (closing?.at ?? input.closeAt ?? input.now) : null;
  const opens = input.entries.filter((e) => e.stage.kind === 'open').sort(byTime);
  const first = opens[0];

  if (!first) {
    if (closed && closeAt !== null) {
      // Nothing is known of the deal before it closed: born closed, no open stay invented.
      if (createdAt === undefined) return ok({ createdAt: closeAt, createdUnknown: true, born: closed, moves: [], undatedCurrent: false });
      return ok({ createdAt, createdUnknown: false, born: input.reached, moves: [{ stage: closed, at: closeAt }], undatedCurrent: false });
    }
    return ok({ createdAt: createdAt ?? input.now, createdUnknown: createdAt === undefined, born: final, moves: [], undatedCurrent: false });
  }

  if (createdAt !== undefined && first.at < createdAt) return { ok: false, field: first.field, message: 'is before the deal was created' };
  const last = opens[opens.length - 1] as DatedStage;
  const moves = opens.slice(1).map((e) => ({ stage: e.stage, at: e.at }));
  let undatedCurrent = false;
  if (closed && closeAt !== null) {
    if (closeAt < last.at) return { ok: false, field: closing?.field ?? 'closeDate', message: `is before the deal entered ${last.stage.name}` };
    moves.push({ stage: closed, at: closeAt });
  } else if (final && final.id !== last.stage.id) {
    moves.push({ stage: final, at: last.at });
    undatedCurrent = true;
  }
  return ok({ createdAt: createdAt ?? first.at, createdUnknown: false, born: first.stage, moves, undatedCurrent });
}

const ok = (history: ImportedHistory): HistoryResult => ({ ok: true, history });
