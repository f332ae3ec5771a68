// The follow-up plan of the lead's campaign, on the lead's page: what marketing and sales agreed
// the rep does with a lead of this campaign, touch by touch, in business days after routing.
import { List, Paper, Text, Title } from '@mantine/core';
import type { Lead } from '../../api/leads';
import { useCampaign } from '../data/campaigns/campaigns';

export function LeadFollowUp({ lead }: { lead: Lead }) {
  const campaign = useCampaign(lead.campaignId);
  const plan = campaign.data?.followUp;
  if (!plan || (plan.touches.length === 0 && !plan.note)) return null;
  return (
    <Paper withBorder p="md" component="section" aria-label="Follow-up plan">
      <Title order={3} size="h4" mb="xs">
        Follow-up plan
      </Title>
      <Text size="xs" c="dimmed" mb={4}>
        From the campaign {campaign.data?.name}; business days after the lead was routed.
      </Text>
      <List size="sm" type="ordered">
        {plan.touches.map((t, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the plan's touches have no id; their order is what they are
          <List.Item key={i}>
            Business day {t.day}: {t.type}
            {t.note ? ` — ${t.note}` : ''}
          </List.Item>
        ))}
      </List>
      {plan.note && (
        <Text size="sm" mt={4}>
          {plan.note}
        </Text>
      )}
    </Paper>
  );
}
