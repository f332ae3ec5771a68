import { Skeleton, Stack } from '@mantine/core';

/** Placeholder rows shaped like the content, so the page does not jump when data arrives. */
export function LoadingState({ rows = 6, label = 'Loading' }: { rows?: number; label?: string }) {
  return (
    <Stack gap="xs" aria-busy="true" aria-label={label} role="status">
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <Skeleton key={i} height={28} radius="sm" />
      ))}
    </Stack>
  );
}
