// What a check or import came to: the report, the background job's progress (then its report), or
// the error. Shown beside the mapping, and alone when a reload of the page found a running import.
import { Stack } from '@mantine/core';
import type { ImportEntity } from '../../../api/imports';
import { ErrorState } from '../../components/ErrorState';
import { ImportJobProgress } from './ImportJobProgress';
import { ImportReport } from './ImportReport';
import type { CsvImport } from './use-csv-import';

export function ImportOutcome({ state, entity, plural }: { state: CsvImport; entity: ImportEntity; plural: string }) {
  const { outcome } = state;
  return (
    <div aria-live="polite">
      {outcome?.kind === 'report' && (
        <Stack gap="sm">
          <ImportReport result={outcome.result} listPath={`/${entity}`} listLabel={`Open ${plural}`} />
        </Stack>
      )}
      {outcome?.kind === 'job' && <ImportJobProgress jobId={outcome.jobId} dryRun={outcome.dryRun} onFinished={state.jobFinished} onFailed={state.jobFailed} />}
      {outcome?.kind === 'error' && <ErrorState error={outcome.error} title="The file could not be imported" />}
    </div>
  );
}
