import type { ReactNode } from 'react';
import { isApiError } from '../../app/api';
import { NotFoundPage } from '../../app/NotFoundPage';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';

interface Props<T> {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch(): unknown };
  noun: string;
  children(record: T): ReactNode;
}

/** Loading, not found (also: not yours to see) and errors of a record page, in one place. */
export function RecordLoader<T>({ query, noun, children }: Props<T>) {
  if (query.isPending) return <LoadingState rows={8} label={`Loading the ${noun}`} />;
  if (query.error) {
    if (isApiError(query.error) && query.error.isNotFound) return <NotFoundPage what={noun} />;
    return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  }
  if (query.data === undefined) return <NotFoundPage what={noun} />;
  return <>{children(query.data)}</>;
}
