import { Group, Text } from '@mantine/core';
import type { Deal } from '../../../api/deals';
import { formatCalendarDate, formatMoney } from '../../app/format';
import { TextLink } from '../../components/TextLink';

/** A deal in a related list: name, stage, amount, close date. */
export function DealLine({ deal }: { deal: Deal }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <div style={{ minWidth: 0 }}>
        <TextLink to={`/deals/${deal.id}`} size="sm">
          {deal.name}
        </TextLink>
        <Text size="xs" c="dimmed">
          {deal.status === 'open' ? deal.stageName : deal.status === 'won' ? 'Won' : 'Lost'} · closes {formatCalendarDate(deal.closeDate)}
        </Text>
      </div>
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {formatMoney(deal.amount, deal.currency)}
      </Text>
    </Group>
  );
}
