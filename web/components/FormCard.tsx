import { Paper, Stack } from '@mantine/core';
import type { FormEventHandler, ReactNode } from 'react';
import { FormFooter } from './FormFooter';
import { FormProblem } from './FormProblem';

interface Props {
  onSubmit: FormEventHandler<HTMLFormElement>;
  problem: string | null;
  submitLabel: string;
  submitting: boolean;
  onCancel(): void;
  children: ReactNode;
  label: string;
}

/** A record form: fields, the save problem above them, Enter submits. */
export function FormCard({ onSubmit, problem, submitLabel, submitting, onCancel, children, label }: Props) {
  return (
    <Paper withBorder p="lg" radius="md" maw={760}>
      <form onSubmit={onSubmit} noValidate aria-label={label}>
        <Stack gap="md">
          <FormProblem problem={problem} />
          {children}
          <FormFooter mt="sm" submitLabel={submitLabel} submitting={submitting} onCancel={onCancel} />
        </Stack>
      </form>
    </Paper>
  );
}
