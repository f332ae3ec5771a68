// Import progress on stderr: a bar with the rate and the time left when a person watches a terminal,
// plain lines every tenth otherwise (CI logs, pipes), so stdout stays clean for the summary.
import { Presets, SingleBar } from 'cli-progress';
import { formatDuration } from '../../lib/durations.js';
import type { ImportProgress } from '../crm/import-export/import.service.js';
import { PhaseRate } from '../crm/import-export/import-pace.js';
import { type CliIo, println } from './cli-io.js';

export interface ProgressReporter {
  update(progress: ImportProgress): void;
  stop(): void;
}

const LABEL: Record<ImportProgress['phase'], string> = { reading: 'Reading ', checking: 'Checking', writing: 'Writing ' };

/** "1,234 rows/s, 2 min 3 s left", or "" before the rate is known. */
export function paceText(pace: { rate: number | null; secondsLeft: number | null }): string {
  if (pace.rate === null || pace.secondsLeft === null) return '';
  return `${Math.round(pace.rate).toLocaleString('en')} rows/s, ${formatDuration(pace.secondsLeft * 1000)} left`;
}

export function progressReporter(io: CliIo): ProgressReporter {
  const rates = new PhaseRate();
  if (io.isTTY) {
    let bar: SingleBar | null = null;
    let phase: ImportProgress['phase'] | null = null;
    return {
      update(p) {
        const pace = paceText(rates.of(p));
        if (p.phase !== phase) {
          bar?.stop();
          phase = p.phase;
          bar = new SingleBar(
            { stream: io.stderr, format: `${LABEL[p.phase]} [{bar}] {percentage}% | {value}/{total} rows | {pace}`, hideCursor: true },
            Presets.shades_classic,
          );
          bar.start(p.total, p.done, { pace });
        }
        // While a big file is first read, its total is an estimate that firms up.
        bar?.setTotal(p.total);
        bar?.update(p.done, { pace });
      },
      stop() {
        bar?.stop();
        bar = null;
      },
    };
  }
  const shown = new Map<ImportProgress['phase'], number>();
  return {
    update(p) {
      const pace = paceText(rates.of(p));
      const tenth = p.total === 0 ? 10 : Math.floor((p.done / p.total) * 10);
      if ((shown.get(p.phase) ?? -1) >= tenth) return;
      shown.set(p.phase, tenth);
      println(io.stderr, `${LABEL[p.phase].trim().toLowerCase()} ${p.done}/${p.total} rows${pace ? ` (${pace})` : ''}`);
    },
    stop() {},
  };
}
