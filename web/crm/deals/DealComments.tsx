// The deal's comments: a leader's word to the rep (manager of the owner's team, admin) and the rep's
// reply, on the deal page. Whoever sees the deal reads and writes them; the owner and earlier
// commenters are notified (crm.deal-commented), and each comment is on the timeline too.
import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DealComment, DealCommentList } from '../../../api/deal-comments';
import { api } from '../../app/api';
import { formatInstant } from '../../app/format';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { errorMessage } from '../../components/ErrorState';

export function DealComments({ dealId, ownerId }: { dealId: string; ownerId: string }) {
  const { user } = useSession();
  const queryClient = useQueryClient();
  const comments = useQuery({ queryKey: ['deal-comments', dealId], queryFn: () => api.get<DealCommentList>(`/api/v1/deals/${dealId}/comments`) });
  const [body, setBody] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const items = comments.data?.items ?? [];
  const isOwner = ownerId === user.id;

  const send = async () => {
    setSaving(true);
    setProblem(null);
    try {
      await api.post<DealComment>(`/api/v1/deals/${dealId}/comments`, { body });
      setBody('');
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['deal-comments', dealId] }),
        queryClient.invalidateQueries({ queryKey: ['timeline', 'deals', dealId] }),
      ]);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

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
              error={problem}
            />
            <Group justify="flex-end">
              <Button size="xs" onClick={send} loading={saving} disabled={body.trim() === ''}>
                {items.length > 0 && isOwner ? 'Reply' : 'Comment'}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
