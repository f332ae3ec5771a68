import { Button, Group, type GroupProps, type MantineColor } from '@mantine/core';

interface Props extends Omit<GroupProps, 'children' | 'onSubmit' | 'color'> {
  /** Absent while there is nothing to submit yet (a dialog that can only be closed): then Cancel stands alone. */
  submitLabel?: string;
  /** The save is under way: the submit button spins (and stays the one press). */
  submitting?: boolean;
  /** Until the form holds what the submit needs (a required choice), the button cannot be pressed. */
  submitDisabled?: boolean;
  /** The submit's colour: red for one that closes or removes something, so it reads as such. */
  color?: MantineColor;
  onCancel(): void;
  /** "Cancel" unless told: "Close" where closing loses nothing. */
  cancelLabel?: string;
  /** Cancel waits for the save too: the form's owner closes it on success, not while the save may still fail. */
  holdCancelWhileSubmitting?: boolean;
  /** For a footer outside a form (a dialog that saves on its own): the submit button calls this instead of submitting. */
  onSubmit?: () => void;
}

/** A form's last row: Cancel, then the submit button that shows the save in progress. */
export function FormFooter({
  submitLabel,
  submitting = false,
  submitDisabled = false,
  color,
  onCancel,
  cancelLabel = 'Cancel',
  holdCancelWhileSubmitting = false,
  onSubmit,
  ...group
}: Props) {
  const submit = { loading: submitting, disabled: submitDisabled, ...(color ? { color } : {}) };
  return (
    <Group justify="flex-end" {...group}>
      <Button variant="default" onClick={onCancel} disabled={holdCancelWhileSubmitting && submitting}>
        {cancelLabel}
      </Button>
      {submitLabel !== undefined &&
        (onSubmit ? (
          <Button onClick={onSubmit} {...submit}>
            {submitLabel}
          </Button>
        ) : (
          <Button type="submit" {...submit}>
            {submitLabel}
          </Button>
        ))}
    </Group>
  );
}
