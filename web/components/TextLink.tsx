import { Anchor, type AnchorProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { titleIfCut } from './title-if-cut';

export function TextLink({ to, children, ...rest }: AnchorProps & { to: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={to} c="furrow.8" fw={500} size="sm" ref={rest.truncate || rest.lineClamp ? titleIfCut : undefined} {...rest}>
      {children}
    </Anchor>
  );
}
