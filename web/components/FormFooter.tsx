import { Button, Group, type GroupProps } from '@mantine/core';

interface Props extends Omit<GroupProps, 'children' | 'onSubmit'> {
  submitLabel: string;
  /** The save is under way: the submit button spins (and stays the one press). */
  submitting?: boolean;
  onCancel(): void;
  /** Cancel waits for the save too: the form's owner closes it on success, not while the save may still fail. */
  holdCancelWhileSubmitting?: boolean;
  /** For a footer outside a form (a dialog that saves on its own): the submit button calls this instead of submitting. */
  onSubmit?: () => void;
}

/** A form's last row: Cancel, then the submit button that shows the save in progress. */
export function FormFooter({ submitLabel, submitting = false, onCancel, holdCancelWhileSubmitting = false, onSubmit, ...group }: Props) {
  return (
    <Group justify="flex-end" {...group}>
      <Button variant="default" onClick={onCancel} disabled={holdCancelWhileSubmitting && submitting}>
        Cancel
      </Button>
      {onSubmit ? (
        <Button onClick={onSubmit} loading={submitting}>
          {submitLabel}
        </Button>
      ) : (
        <Button type="submit" loading={submitting}>
          {submitLabel}
        </Button>
      )}
    </Group>
  );
}
