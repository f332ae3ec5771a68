// Pure rules for reading a deal's place in the pipeline from another CRM's columns. Salesforce
// and HubSpot name the closed stage ("Closed Won"); Pipedrive keeps the last stage reached and
// says won/lost in a separate status column. Both become: the stage the deal is in now, and for
// a closed deal the open stage it had reached before closing (when the file says so).
import type { Stage } from '../../../api/pipelines.js';

export type DealStatus = 'open' | 'won' | 'lost';

/** Compares stage names and status words without case, spaces or punctuation ("closedwon" = "Closed Won"). */
export const stageKey = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

const STATUS_WORDS: Record<string, DealStatus> = {
  open: 'open',
  active: 'open',
  inprogress: 'open',
  won: 'won',
  closedwon: 'won',
  win: 'won',
  lost: 'lost',
  closedlost: 'lost',
  loss: 'lost',
};

export function parseStatus(text: string): DealStatus | null {
  return STATUS_WORDS[stageKey(text)] ?? null;
}

/** The stage of `stages` a cell names; "Proposal (Sales)" also matches Proposal, as Pipedrive writes it. */
export function findStage(stages: readonly Stage[], text: string): Stage | undefined {
  const key = stageKey(text);
  const exact = stages.find((s) => stageKey(s.name) === key);
  if (exact) return exact;
  const bare = text.replace(/\s*\([^)]*\)\s*$/, '');
  return bare !== text ? stages.find((s) => stageKey(s.name) === stageKey(bare)) : undefined;
}

export interface DealTarget {
  /** The stage the deal ends in; null when the row says nothing about stage or status. */
  final: Stage | null;
  /** For a closed deal, the open stage it had reached before it closed, when the file names one. */
  reached: Stage | null;
}

export type TargetResult = { ok: true; target: DealTarget } | { ok: false; field: 'stage' | 'status'; message: string };

export function dealTarget(stages: readonly Stage[], pipelineName: string, stageText: string | undefined, statusText: string | undefined): TargetResult {
  let status: DealStatus | null = null;
  if (statusText !== undefined) {
    status = parseStatus(statusText);
    if (!status) return { ok: false, field: 'status', message: `"${statusText}" is not a deal status; use open, won or lost` };
  }
  let stage: Stage | null = null;
  if (stageText !== undefined) {
    // "Won" / "Closed Lost" name the outcome, whatever the pipeline calls its closed stages.
    const outcome = parseStatus(stageText);
    stage = findStage(stages, stageText) ?? (outcome === 'won' || outcome === 'lost' ? (stages.find((s) => s.kind === outcome) ?? null) : null);
    if (!stage) {
      return {
        ok: false,
        field: 'stage',
        message:
          `no stage "${stageText}" in pipeline ${pipelineName}; its stages are ${stages.map((s) => s.name).join(', ')}. ` +
          `Map the value to one of them (values: { stage: { "${stageText}": "…" } }, or --map-value "stage:${stageText}=…")`,
      };
    }
  }
  const closedStage = (kind: 'won' | 'lost') => stages.find((s) => s.kind === kind);
  if (stage && stage.kind !== 'open') {
    if (status && status !== stage.kind) return { ok: false, field: 'status', message: `says ${status} but the stage ${stage.name} is ${stage.kind}` };
    return { ok: true, target: { final: stage, reached: null } };
  }
  if (status === 'won' || status === 'lost') {
    const final = closedStage(status);
    if (!final) return { ok: false, field: 'status', message: `pipeline ${pipelineName} has no ${status} stage` };
    return { ok: true, target: { final, reached: stage } };
  }
  return { ok: true, target: { final: stage, reached: null } };
}

/** Lost deals need a reason in Furrow; other CRMs often export none. */
export const UNRECORDED_LOST_REASON = 'Not recorded';
