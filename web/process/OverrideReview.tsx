// A leader's verdict on a gate override, where the override is read: the deal's timeline and the
// stage moves behind adherence. The rep sees the outcome; a manager (for the teams they run) or an
// admin accepts or challenges it, with a comment, and may change their mind under the version.
import { Badge, Button, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { OverrideReviewSummary, OverrideVerdict } from '../../api/override-reviews';
import { isApiError } from '../app/api';
import { formatInstant } from '../app/format';
import { useSession } from '../app/session';
import { errorMessage } from '../components/ErrorState';
import { FormFooter } from '../components/FormFooter';
import { refreshOverrideReviews, reviewOverride } from '../data/adherence/adherence';

const VERDICT_LABEL: Record<OverrideVerdict, string> = { accepted: 'Override accepted', challenged: 'Override challenged' };

/** Whether the signed-in person may give a verdict: a leader, on someone else's override (the server checks the team). */
export function useCanReviewOverride(moverId: string | null | undefined): boolean {
  const { user } = useSession();
  return (user.role === 'manager' || user.role === 'admin') && moverId !== user.id;
}

export function OverrideVerdictLine({ review }: { review: OverrideReviewSummary }) {
  if (!review) return null;
  return (
    <Stack gap={2} mt={4}>
      <Group gap={6}>
        <Badge size="xs" variant="light" color={review.verdict === 'accepted' ? 'furrow' : 'red'}>
          {VERDICT_LABEL[review.verdict]}
        </Badge>
        <Text size="xs" c="dimmed">
          by {review.reviewer?.name ?? 'a former user'} · {formatInstant(review.reviewedAt)}
        </Text>
      </Group>
      {review.comment && (
        <Text size="sm" fs="italic">
          “{review.comment}”
        </Text>
      )}
    </Stack>
  );
}

interface Props {
  moveId: string;
  review: OverrideReviewSummary;
  /** Names the move in the dialog's title, e.g. "Acme: Qualify → Discovery". */
  what: string;
}

export function ReviewOverrideButton({ moveId, review, what }: Props) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [verdict, setVerdict] = useState<OverrideVerdict>(review?.verdict ?? 'accepted');
  const [comment, setComment] = useState(review?.comment ?? '');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const start = () => {
    setVerdict(review?.verdict ?? 'accepted');
    setComment(review?.comment ?? '');
    setProblem(null);
    setOpen(true);
  };

  const save = async () => {
    setSaving(true);
    setProblem(null);
    try {
      await reviewOverride(moveId, {
        verdict,
        comment: comment.trim() || null,
        ...(review ? { version: review.version } : {}),
      });
      await refreshOverrideReviews(queryClient);
      notifications.show({ color: 'furrow', message: `${VERDICT_LABEL[verdict]}: ${what}` });
      setOpen(false);
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        // Someone else gave a verdict meanwhile: show theirs, keep this dialog's choice to send again.
        await refreshOverrideReviews(queryClient);
        setProblem('Someone reviewed this override while you were deciding. Their verdict is now shown; close this and review again if you disagree.');
      } else setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button size="compact-xs" variant="light" onClick={start} aria-label={`${review ? 'Change verdict' : 'Review override'}: ${what}`}>
        {review ? 'Change verdict' : 'Review override'}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={`Review the override: ${what}`}>
        <Stack gap="sm">
          <SegmentedControl
            aria-label="Verdict"
            value={verdict}
            onChange={(v) => setVerdict(v as OverrideVerdict)}
            data={[
              { value: 'accepted', label: 'Accept' },
              { value: 'challenged', label: 'Challenge' },
            ]}
          />
          <Textarea
            label="Comment"
            description="The rep reads it on the deal’s timeline."
            autosize
            minRows={2}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
          {problem && (
            <Text size="sm" c="red.8" role="alert">
              {problem}
            </Text>
          )}
          <FormFooter submitLabel="Save verdict" submitting={saving} onCancel={() => setOpen(false)} onSubmit={save} />
        </Stack>
      </Modal>
    </>
  );
}

/** Under an override: the verdict if there is one, and for a leader the way to give or change it. */
export function OverrideReviewBlock({ moveId, moverId, review, what }: Props & { moverId: string | null | undefined }) {
  const canReview = useCanReviewOverride(moverId);
  return (
    <>
      <OverrideVerdictLine review={review} />
      {canReview && (
        <Group mt={4}>
          <ReviewOverrideButton moveId={moveId} review={review} what={what} />
        </Group>
      )}
    </>
  );
}
