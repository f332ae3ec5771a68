import type { UseFormReturnType } from '@mantine/form';
import { mapServerProblems } from './server-problems';

interface ErrorLike {
  status?: number;
  code?: string;
  message?: string;
  fields?: { field: string; message: string }[];
}

/**
 * Puts a failed save where the person can act on it: field problems under their fields, the rest
 * in one message above the form. Returns 'stale' when the caller should offer a reload.
 */
export function applySaveError<V>(
  error: unknown,
  form: UseFormReturnType<V>,
  fields: readonly string[],
  setProblem: (message: string | null) => void,
  rename: Record<string, string> = {},
): 'stale' | 'handled' {
  const e = (error ?? {}) as ErrorLike;
  if (e.code === 'stale') return 'stale';
  if (e.fields && e.fields.length > 0) {
    const { fieldErrors, other } = mapServerProblems(e.fields, fields, rename);
    form.setErrors(fieldErrors);
    setProblem(other.length > 0 ? other.join('; ') : null);
    return 'handled';
  }
  setProblem(e.message ?? 'Saving failed. Try again.');
  return 'handled';
}
