import { EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  icon?: ReactNode;
  title: string;
  /** What to do next: an empty list always says it. */
  description: ReactNode;
  action?: ReactNode;
}

export function EmptyHint({ icon, title, description, action }: Props) {
  return (
    <EmptyState py="xl" icon={icon} title={title} description={description} withIndicatorBackground>
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}
