// A refused move can wait while the rep completes what is missing on the deal page: the target
// stage travels in the deal's address (?move=<stageId>), so it survives the detour, a reload and
// the back button, and the deal page offers to finish it (PendingMoveBanner). Nothing is stored
// on the server: the move itself is made, and checked, only when the rep finishes it.
export const MOVE_PARAM = 'move';

/** The deal page, remembering the move to finish; `search` adds other parameters (the framework to score). */
export function dealPath(dealId: string, moveTo?: string, search: Record<string, string> = {}, hash = ''): string {
  const params = new URLSearchParams(search);
  if (moveTo) params.set(MOVE_PARAM, moveTo);
  const query = params.toString();
  return `/deals/${dealId}${query ? `?${query}` : ''}${hash ? `#${hash}` : ''}`;
}
