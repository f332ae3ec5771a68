import { startTransition, useEffect, useState } from 'react';

/**
 * False until `ready` (the screen's data has come), then true, set in a transition: the screen's
 * first full draw is rendered in slices React can interrupt, not one task that holds the main thread
 * for every card, tile and row at once. Later updates draw as usual. Show the loading state until then.
 */
export function useFirstDraw(ready: boolean): boolean {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    if (ready && !drawn) startTransition(() => setDrawn(true));
  }, [ready, drawn]);
  return drawn;
}
