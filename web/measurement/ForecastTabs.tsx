// The two forecast views: this period's call, and how past calls turned out. Links, not ARIA tabs:
// each view is its own address.
import { Button, Group } from '@mantine/core';
import { Link } from 'react-router';

export function ForecastTabs({ active, period }: { active: 'call' | 'accuracy'; period?: string | undefined }) {
  const query = period ? `?period=${encodeURIComponent(period)}` : '';
  const tab = (key: 'call' | 'accuracy', label: string, to: string) => (
    <Button
      component={Link}
      to={to}
      size="sm"
      variant={active === key ? 'light' : 'subtle'}
      color={active === key ? 'furrow' : 'gray'}
      aria-current={active === key ? 'page' : undefined}
    >
      {label}
    </Button>
  );
  return (
    <Group component="nav" aria-label="Forecast views" gap={4} mb="lg">
      {tab('call', 'Call and deals', `/forecast${query}`)}
      {tab('accuracy', 'Accuracy', `/forecast/accuracy${query}`)}
    </Group>
  );
}
