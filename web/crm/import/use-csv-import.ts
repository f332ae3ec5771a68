// The state of one CSV import on the page: the chosen file and its header row, the column mapping
// (auto-mapped from the preset or the field names, with the user's own choices on top), where listed
// values go, the saved mappings, and the check or import with its outcome (a report, a background
// job or an error). The page and its panels only render what this holds.
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ImportDateFormat, ImportEntity, ImportPreset, ImportResult, ImportUploadOptions, ImportValueChoice } from '../../../api/imports';
import { detectPreset, normaliseHeader } from '../../../lib/csv';
import { isApiError } from '../../app/api';
import { useUrlState } from '../../app/url-state';
import { errorMessage } from '../../components/ErrorState';
import { refreshImported, runImport, uploadImport, useImportFields, useImportMappings } from '../../data/imports/imports';
import { autoMapping, type CsvHead, IGNORE, missingRequired, readCsvHead } from './csv-columns';
import { PRESETS, runsInBackground } from './import-choices';
import type { ValueOverrides } from './ValueMapping';

export interface Chosen {
  file: File;
  /** The file's text; null for a file too big to send as JSON, which goes up as a file (only its head is read). */
  csv: string | null;
  head: CsvHead;
}

export type Outcome = { kind: 'report'; result: ImportResult } | { kind: 'job'; jobId: string; dryRun: boolean } | { kind: 'error'; error: unknown } | null;

/**
 * Files over this go up as a file (multipart, streamed from disk) instead of as JSON text: under the
 * server's 25 MB body limit with room for JSON's escaping.
 */
const UPLOAD_FROM_BYTES = 8 * 1024 * 1024;
/** What is read of a big file for its header row and first row. */
const HEAD_BYTES = 256 * 1024;

export function useCsvImport(entity: ImportEntity | null) {
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [readProblem, setReadProblem] = useState<string | null>(null);
  const [preset, setPresetState] = useState<ImportPreset | 'auto'>('auto');
  const [dateFormat, setDateFormatState] = useState<ImportDateFormat | 'auto'>('auto');
  /** Deals: the file is another system's history (decision 0180). */
  const [historical, setHistorical] = useState(false);
  /** Keep each batch as it is written (decision 0209): a file too big for one transaction. */
  const [resumable, setResumable] = useState(false);
  /** Historical deals: a separate stage-history CSV (deal, stage, entered at), read as text. */
  const [stageHistory, setStageHistoryState] = useState<{ name: string; csv: string } | null>(null);
  const setStageHistory = async (file: File | null) => setStageHistoryState(file ? { name: file.name, csv: await file.text() } : null);
  /** The user's own choices per header; everything else is auto-mapped. */
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  /** The user's choices per field and file value; everything else goes where the server proposes. */
  const [valueOverrides, setValueOverrides] = useState<ValueOverrides>({});
  /** The values the last check found, kept while the user changes where they go. */
  const [choices, setChoices] = useState<ImportValueChoice[]>([]);
  const [savedName, setSavedName] = useState<string | null>(null);
  const [saveAs, setSaveAs] = useState('');
  const url = useUrlState();
  // A background import's job is in the address (?job=…), so a reload of the page finds it again,
  // its progress and then its report.
  const [outcome, setOutcomeState] = useState<Outcome>(() => {
    const job = url.get('job');
    return job ? { kind: 'job', jobId: job, dryRun: url.get('check') === '1' } : null;
  });
  const setOutcome = (next: Outcome) => {
    setOutcomeState(next);
    if (next?.kind === 'job') url.set({ ...(entity && { entity }), job: next.jobId, check: next.dryRun ? '1' : null }, { replace: true });
    else if ((next === null || next.kind === 'error') && url.get('job')) url.set({ job: null, check: null }, { replace: true });
  };
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);

  const fields = useImportFields(entity);
  const saved = useImportMappings(entity);

  const mapping = useMemo(() => {
    if (!fields.data || !chosen) return {};
    return { ...autoMapping(fields.data, chosen.head.headers, preset === 'auto' ? null : preset), ...overrides };
  }, [fields.data, chosen, preset, overrides]);
  const detectedPreset = fields.data && chosen && preset === 'auto' ? detectPreset<ImportPreset>(fields.data.presets, chosen.head.headers) : null;
  const detected =
    preset !== 'auto' || !chosen || !fields.data
      ? undefined
      : detectedPreset
        ? `Recognised: ${PRESETS.find((p) => p.value === detectedPreset)?.label ?? detectedPreset}`
        : 'No preset matches: columns map by field name';
  const missing = fields.data && chosen ? missingRequired(fields.data, mapping) : [];
  const fieldOptions = useMemo(
    () => [
      { value: IGNORE, label: '— Ignore this column —' },
      ...(fields.data?.fields ?? []).map((f) => ({ value: f.key, label: `${f.label}${f.required ? ' (required)' : ''}${f.custom ? ' · custom' : ''}` })),
    ],
    [fields.data],
  );

  /** Another kind of record: nothing mapped or checked for the last one still holds. */
  const reset = () => {
    setOverrides({});
    setValueOverrides({});
    setChoices([]);
    setSavedName(null);
    setOutcome(null);
  };

  const setPreset = (value: ImportPreset | 'auto') => {
    setPresetState(value);
    setOverrides({});
    setOutcome(null);
  };
  const setDateFormat = (value: ImportDateFormat | 'auto') => {
    setDateFormatState(value);
    setOutcome(null);
  };
  const mapColumn = (header: string, field: string) => {
    setOverrides((o) => ({ ...o, [header]: field }));
    setOutcome(null);
  };

  const pickSaved = (name: string | null) => {
    setSavedName(name);
    setOutcome(null);
    const item = saved.data?.items.find((m) => m.name === name);
    if (!item || !chosen) {
      setOverrides({});
      setValueOverrides({});
      return;
    }
    // The saved columns this file has (the next export may lack one); its values as they were.
    const byKey = new Map(chosen.head.headers.map((h) => [normaliseHeader(h), h]));
    const columns: Record<string, string> = {};
    for (const [header, field] of Object.entries(item.mapping)) {
      const own = byKey.get(normaliseHeader(header));
      if (own !== undefined) columns[own] = field;
    }
    setOverrides(columns);
    setValueOverrides(item.values);
    setSaveAs(item.name);
  };

  const changeValue = (field: string, value: string, target: string | null) => {
    setOutcome(null);
    setValueOverrides((all) => {
      const { [value]: _old, ...rest } = all[field] ?? {};
      return { ...all, [field]: target === null ? rest : { ...rest, [value]: target } };
    });
  };

  const showReport = (result: ImportResult) => {
    setOutcome({ kind: 'report', result });
    setChoices(result.valueChoices ?? []);
    if (result.savedAs) void queryClient.invalidateQueries({ queryKey: ['import-mappings', entity] });
  };

  const choose = async (file: File | null) => {
    reset();
    setReadProblem(null);
    if (!file) {
      setChosen(null);
      return;
    }
    try {
      // A big file is never read whole into the page: its first lines give the columns, the file goes up as it is.
      const big = file.size > UPLOAD_FROM_BYTES;
      const csv = big ? null : await file.text();
      const head = readCsvHead(csv ?? (await file.slice(0, HEAD_BYTES).text()));
      if (head.headers.every((h) => h === '')) {
        setChosen(null);
        setReadProblem('The file is empty: the first line must name the columns.');
        return;
      }
      setChosen({ file, csv, head });
    } catch (error) {
      setChosen(null);
      setReadProblem(`The file could not be read: ${errorMessage(error)}`);
    }
  };

  const run = async (dryRun: boolean) => {
    if (!chosen || !entity) return;
    setBusy(dryRun ? 'check' : 'import');
    setOutcome(null);
    // Only fields a column still feeds: a column re-mapped away leaves its values behind.
    const fed = new Set(Object.values(mapping).flatMap((f) => f.split('+')));
    const values = Object.fromEntries(Object.entries(valueOverrides).filter(([field, pairs]) => fed.has(field) && Object.keys(pairs).length > 0));
    const options: ImportUploadOptions = {
      fileName: chosen.file.name,
      mapping,
      dryRun,
      ...(Object.keys(values).length > 0 && { values }),
      ...(saveAs.trim() !== '' && { saveMappingAs: saveAs.trim() }),
      ...(preset === 'auto' ? {} : { preset }),
      ...(dateFormat === 'auto' ? {} : { dateFormat }),
      ...(historical && entity === 'deals' && { historical: true, ...(stageHistory && { stageHistory: stageHistory.csv }) }),
      ...(resumable && { resumable: true }),
    };
    try {
      const answer =
        chosen.csv === null
          ? await uploadImport(entity, options, chosen.file)
          : await runImport(entity, { ...options, csv: chosen.csv, ...(runsInBackground(chosen.csv) && { background: true }) });
      if ('jobId' in answer) {
        // A big file runs in the background: the progress bar polls the job until its report is in.
        setOutcome({ kind: 'job', jobId: answer.jobId, dryRun });
        return;
      }
      showReport(answer);
      if (!dryRun) await refreshImported(queryClient, entity);
    } catch (error) {
      // A refused import (422) carries the same report as a check.
      const details = isApiError(error) && error.status === 422 ? (error.details as ImportResult | undefined) : undefined;
      if (details && Array.isArray(details.errors)) {
        showReport(details);
        if ((details.kept?.rows ?? 0) > 0) await refreshImported(queryClient, entity);
      } else setOutcome({ kind: 'error', error });
    } finally {
      setBusy(null);
    }
  };

  /** A background job ended: its report (or nothing, when it was cancelled). */
  const jobFinished = async (result: ImportResult | null) => {
    if (result) showReport(result);
    else setOutcome(null);
    if (entity && result && !result.dryRun && (result.ok || (result.kept?.rows ?? 0) > 0)) await refreshImported(queryClient, entity);
  };
  const jobFailed = (error: unknown) => setOutcome({ kind: 'error', error });

  return {
    fields,
    saved,
    chosen,
    readProblem,
    preset,
    setPreset,
    detected,
    dateFormat,
    setDateFormat,
    historical,
    setHistorical,
    resumable,
    setResumable,
    stageHistory,
    setStageHistory,
    mapping,
    mapColumn,
    missing,
    fieldOptions,
    choices,
    valueOverrides,
    changeValue,
    savedName,
    pickSaved,
    saveAs,
    setSaveAs,
    outcome,
    busy,
    reset,
    choose,
    run,
    jobFinished,
    jobFailed,
  };
}

export type CsvImport = ReturnType<typeof useCsvImport>;
