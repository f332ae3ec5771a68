import { describe, expect, it } from 'vitest';
import type { Stage } from '../../../api/pipelines.js';
import { type DatedStage, type HistoryInput, importedHistory, stageEntryHeader } from './deal-history-rules.js';

const stage = (name: string, position: number, kind: Stage['kind'] = 'open'): Stage => ({
  id: name.toLowerCase(),
  name,
  position,
  probability: 10,
  kind,
  guidance: null,
  agingDays: null,
  allowOverride: true,
  forecastCategory: null,
});
const discovery = stage('Discovery', 0);
const qualify = stage('Qualify', 1);
const proposal = stage('Proposal', 2);
const won = stage('Won', 3, 'won');
const lost = stage('Lost', 4, 'lost');
const at = (s: Stage, t: number): DatedStage => ({ stage: s, at: t, field: `Date entered "${s.name}"` });
const base: HistoryInput = { entries: [], final: null, reached: null, createdAt: undefined, closeAt: null, now: 1000 };
const run = (input: Partial<HistoryInput>) => importedHistory({ ...base, ...input });

describe('stageEntryHeader', () => {
  it('reads the stage of HubSpot’s "Date entered" columns, quoted or not, and nothing else', () => {
    expect(stageEntryHeader('Date entered "Appointment scheduled (Sales Pipeline)"')).toBe('Appointment scheduled (Sales Pipeline)');
    expect(stageEntryHeader("date entered 'Closed Won'")).toBe('Closed Won');
    expect(stageEntryHeader('Date entered Discovery')).toBe('Discovery');
    expect(stageEntryHeader('Date exited "Discovery"')).toBeNull();
    expect(stageEntryHeader('Create Date')).toBeNull();
    expect(stageEntryHeader('Date entered ""')).toBeNull();
  });
});

describe('importedHistory', () => {
  it('orders the dated stages by time: born in the first, created then unless a create date is given', () => {
    const r = run({ entries: [at(proposal, 300), at(discovery, 100), at(qualify, 200)], final: proposal });
    expect(r).toEqual({
      ok: true,
      history: {
        createdAt: 100,
        createdUnknown: false,
        born: discovery,
        moves: [
          { stage: qualify, at: 200 },
          { stage: proposal, at: 300 },
        ],
        undatedCurrent: false,
      },
    });
    expect(run({ entries: [at(discovery, 100)], final: discovery, createdAt: 50 })).toMatchObject({ ok: true, history: { createdAt: 50, born: discovery } });
  });

  it('closes a won deal at its dated won stage, else at its close date, after every open stage', () => {
    const dated = run({ entries: [at(discovery, 100), at(qualify, 200), at(won, 260)], final: won, closeAt: 250 });
    expect(dated).toMatchObject({
      ok: true,
      history: {
        moves: [
          { stage: qualify, at: 200 },
          { stage: won, at: 260 },
        ],
      },
    });
    const undated = run({ entries: [at(discovery, 100), at(qualify, 200)], final: won, closeAt: 250 });
    expect(undated).toMatchObject({ ok: true, history: { moves: [{ stage: qualify }, { stage: won, at: 250 }] } });
    expect(run({ entries: [at(discovery, 100), at(qualify, 300)], final: lost, closeAt: 250 })).toEqual({
      ok: false,
      field: 'closeDate',
      message: 'is before the deal entered Qualify',
    });
  });

  it('invents nothing without dates: a closed deal of unknown start is born closed, an open one is first known now', () => {
    expect(run({ final: won, closeAt: 500 })).toEqual({
      ok: true,
      history: { createdAt: 500, createdUnknown: true, born: won, moves: [], undatedCurrent: false },
    });
    expect(run({ final: lost, reached: qualify, closeAt: 500, createdAt: 100 })).toMatchObject({
      ok: true,
      history: { createdAt: 100, createdUnknown: false, born: qualify, moves: [{ stage: lost, at: 500 }] },
    });
    expect(run({ final: proposal })).toMatchObject({ ok: true, history: { createdAt: 1000, createdUnknown: true, born: proposal, moves: [] } });
  });

  it('refuses a stage entered before the create date, naming its column', () => {
    expect(run({ entries: [at(discovery, 100)], createdAt: 150 })).toEqual({
      ok: false,
      field: 'Date entered "Discovery"',
      message: 'is before the deal was created',
    });
  });

  it('enters an undated current stage with the last dated one, and says so', () => {
    expect(run({ entries: [at(discovery, 100)], final: proposal })).toMatchObject({
      ok: true,
      history: { moves: [{ stage: proposal, at: 100 }], undatedCurrent: true },
    });
  });
});
