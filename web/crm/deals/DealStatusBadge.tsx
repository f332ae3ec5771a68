import { Badge } from '@mantine/core';
import type { DealStatus } from '../../../api/deals';

const COLOR: Record<DealStatus, string> = { open: 'blue', won: 'furrow', lost: 'gray' };
const LABEL: Record<DealStatus, string> = { open: 'Open', won: 'Won', lost: 'Lost' };

export function DealStatusBadge({ status }: { status: DealStatus }) {
  return (
    <Badge size="sm" variant="light" color={COLOR[status]}>
      {LABEL[status]}
    </Badge>
  );
}
