// The deal's comments: a leader's word to the rep (manager of the owner's team, admin) and the rep's
// reply, on the deal page. Whoever sees the deal reads and writes them; the owner and earlier
// commenters are notified (crm.deal-commented), and each comment is on the timeline too.
import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { formatInstant } from '../../app/format';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { addDealComment, refreshDealComments, useDealComments } from '../../data/deals/deals';
import { useWrite } from '../../data/write';

export function DealComments({ dealId, ownerId }: { dealId: string; ownerId: string }) {
  const { user } = useSession();
  const comments = useDealComments(dealId);
  const [body, setBody] = useState('');
  const write = useWrite({
    request: (text: string) => addDealComment(dealId, { body: text }),
    // The box empties the moment the server has the comment, before the list refetches: otherwise
    // the new comment shows in the list while its text still sits in the box, as if unsent.
    onAccepted: () => setBody(''),
    refresh: (queryClient) => refreshDealComments(queryClient, dealId),
    inline: true,
  });
  const items = comments.data?.items ?? [];
  const isOwner = ownerId === user.id;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Comments">
      <Stack gap="xs">
        <Title order={2} fz="h5">
          Comments
        </Title>
        {items.map((c) => (
          <div key={c.id}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.body}
            </Text>
            <Text size="xs" c="dimmed">
              {c.author.name} · {formatInstant(c.createdAt)}
            </Text>
          </div>
        ))}
        {comments.isSuccess && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {isOwner ? 'No comments yet. Your manager’s comments on this deal appear here.' : 'No comments yet. The owner is told when you comment.'}
          </Text>
        )}
        {can(user.role, 'deal_comments', 'create') && (
          <>
            <Textarea
              label={items.length > 0 && isOwner ? 'Reply' : 'Comment'}
              placeholder={isOwner ? 'Answer here: whoever commented is told' : 'Say what the owner should know or do; they are told'}
              autosize
              minRows={2}
              maxLength={4000}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              error={write.problem}
            />
            <Group justify="flex-end">
              <Button size="xs" onClick={() => write.save(body)} loading={write.pending} disabled={body.trim() === ''}>
                {items.length > 0 && isOwner ? 'Reply' : 'Comment'}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
