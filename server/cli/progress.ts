// Import progress on stderr: a bar when a person watches a terminal, plain lines every tenth
// otherwise (CI logs, pipes), so stdout stays clean for the summary.
import { Presets, SingleBar } from 'cli-progress';
import type { ImportProgress } from '../crm/import-export/import.service.js';
import { type CliIo, println } from './cli-io.js';

export interface ProgressReporter {
  update(progress: ImportProgress): void;
  stop(): void;
}

const LABEL: Record<ImportProgress['phase'], string> = { checking: 'Checking', writing: 'Writing ' };

export function progressReporter(io: CliIo): ProgressReporter {
  if (io.isTTY) {
    let bar: SingleBar | null = null;
    let phase: ImportProgress['phase'] | null = null;
    return {
      update(p) {
        if (p.phase !== phase) {
          bar?.stop();
          phase = p.phase;
          bar = new SingleBar(
            { stream: io.stderr, format: `${LABEL[p.phase]} [{bar}] {percentage}% | {value}/{total} rows | {duration_formatted}`, hideCursor: true },
            Presets.shades_classic,
          );
          bar.start(p.total, p.done);
        }
        bar?.update(p.done);
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
      const tenth = p.total === 0 ? 10 : Math.floor((p.done / p.total) * 10);
      if ((shown.get(p.phase) ?? -1) >= tenth) return;
      shown.set(p.phase, tenth);
      println(io.stderr, `${LABEL[p.phase].trim().toLowerCase()} ${p.done}/${p.total} rows`);
    },
    stop() {},
  };
}
