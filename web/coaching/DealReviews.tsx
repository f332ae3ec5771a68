// The deal page's reviews: what the owner's coach found when they inspected the deal against its
// stage criteria and qualification, and what to work on. Everyone who sees the deal reads them; the
// owner's manager (or an admin) writes one. The server decides (coaching/deal-reviews.service.ts):
// a manager sees only their team's deals, so seeing someone else's deal means coaching its owner.
import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import type { DealReview } from '../../api/coaching-deal-reviews';
import { formatInstant } from '../app/format';
import { useSession } from '../app/session';
import { FormFooter } from '../components/FormFooter';
import { createDealReview, refreshDealReviews, useDealReviews } from '../data/coaching/coaching';
import { useWrite } from '../data/write';

const FIELDS = ['findings', 'coachingNotes'] as const;

export function DealReviews({ dealId, ownerId, ownerName }: { dealId: string; ownerId: string; ownerName: string }) {
  const { user } = useSession();
  const reviews = useDealReviews(dealId);
  const [writing, write] = useDisclosure(false);
  const mayReview = (user.role === 'manager' || user.role === 'admin') && ownerId !== user.id;
  const items = reviews.data ?? [];
  if (!mayReview && items.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="deal-reviews-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="h5" id="deal-reviews-title">
            Deal reviews
          </Title>
          {mayReview && !writing && (
            <Button size="compact-sm" variant="light" onClick={write.open}>
              Review this deal
            </Button>
          )}
        </Group>
        {writing && <ReviewForm dealId={dealId} ownerName={ownerName} onDone={write.close} />}
        {items.length === 0 && !writing && (
          <Text size="sm" c="dimmed">
            No review yet. Inspect the deal against its stage’s criteria and qualification, then write what you found and what {ownerName} should work on.
          </Text>
        )}
        {items.map((r) => (
          <ReviewItem key={r.id} review={r} />
        ))}
      </Stack>
    </Paper>
  );
}

function ReviewItem({ review }: { review: DealReview }) {
  return (
    <Stack gap={2} component="article" aria-label={`Review by ${review.reviewer.name}`}>
      <Text size="xs" c="dimmed">
        {review.reviewer.name} · {formatInstant(review.createdAt)}
        {review.stageName ? ` · in ${review.stageName}` : ''}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {review.findings}
      </Text>
      {review.coachingNotes && (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
          <b>To work on:</b> {review.coachingNotes}
        </Text>
      )}
    </Stack>
  );
}

function ReviewForm({ dealId, ownerName, onDone }: { dealId: string; ownerName: string; onDone: () => void }) {
  const form = useForm({
    initialValues: { findings: '', coachingNotes: '' },
    validate: { findings: (v) => (v.trim() === '' ? 'Write what you found' : null) },
  });
  const write = useWrite({
    request: (values: { findings: string; coachingNotes: string }) =>
      createDealReview(dealId, { findings: values.findings, ...(values.coachingNotes.trim() ? { coachingNotes: values.coachingNotes } : {}) }),
    refresh: refreshDealReviews,
    success: `Review saved: on the deal’s timeline and ${ownerName}’s next coaching agenda`,
    onSuccess: onDone,
    form: { form, fields: FIELDS },
  });
  const submit = form.onSubmit(write.save);
  const problem = write.problem;
  const saving = write.pending;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Textarea
          label="Findings"
          description="Against the stage’s criteria and the qualification: what holds, what is missing"
          autosize
          minRows={3}
          required
          {...form.getInputProps('findings')}
        />
        <Textarea
          label="Coaching notes"
          description={`What ${ownerName} should work on; joins your next session’s agenda`}
          autosize
          minRows={2}
          {...form.getInputProps('coachingNotes')}
        />
        <FormFooter gap="xs" submitLabel="Save review" submitting={saving} onCancel={onDone} holdCancelWhileSubmitting />
      </Stack>
    </form>
  );
}
