// List and screen state lives in the URL (filters, sort, search, page cursor) so back, reload and
// sharing a link all show the same view. The cursors of earlier pages ride in history state, so
// "Previous" works without the server paging backwards.
import { useCallback } from 'react';
import { useLocation, useSearchParams } from 'react-router';

type Patch = Record<string, string | null | undefined>;

interface PageState {
  prevCursors?: string[];
}

export interface UrlState {
  get(key: string): string | undefined;
  /** Changing anything but the cursor starts again at the first page. */
  set(patch: Patch, options?: { replace?: boolean }): void;
  cursor: string | undefined;
  hasPrevious: boolean;
  next(cursor: string): void;
  previous(): void;
  first(): void;
}

export function useUrlState(): UrlState {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const prevCursors = ((location.state as PageState | null)?.prevCursors ?? []) as string[];

  const set = useCallback(
    (patch: Patch, options: { replace?: boolean } = {}) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === null || value === '') next.delete(key);
            else next.set(key, value);
          }
          if (!('cursor' in patch)) next.delete('cursor');
          return next;
        },
        { replace: options.replace ?? false },
      );
    },
    [setParams],
  );

  const withCursor = useCallback(
    (cursor: string | null, stack: string[]) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (cursor) next.set('cursor', cursor);
          else next.delete('cursor');
          return next;
        },
        { state: stack.length > 0 ? ({ prevCursors: stack } satisfies PageState) : null },
      );
    },
    [setParams],
  );

  const cursor = params.get('cursor') ?? undefined;
  return {
    get: (key) => params.get(key) ?? undefined,
    set,
    cursor,
    hasPrevious: cursor !== undefined,
    next: (nextCursor) => withCursor(nextCursor, [...prevCursors, cursor ?? '']),
    previous: () => {
      const stack = [...prevCursors];
      const back = stack.pop();
      // A shared link has no history of earlier pages: "Previous" then means the first page.
      withCursor(back ? back : null, back === undefined ? [] : stack);
    },
    first: () => withCursor(null, []),
  };
}
