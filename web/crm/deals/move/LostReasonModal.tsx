import { Autocomplete, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { FormFooter } from '../../../components/FormFooter';

// The server's usual reasons; any other text is accepted too.
const REASONS = ['Price', 'Competitor', 'No decision', 'Timing', 'No budget', 'Product fit', 'Lost contact'];

interface Props {
  dealName: string | null;
  onClose(): void;
  onConfirm(reason: string): void;
}

export function LostReasonModal({ dealName, onClose, onConfirm }: Props) {
  const [reason, setReason] = useState('');
  return (
    <Modal opened={dealName !== null} onClose={onClose} title={`Close ${dealName ?? 'the deal'} as lost`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim()) onConfirm(reason.trim());
        }}
      >
        <Stack gap="md">
          <Text size="sm">The real reason feeds next year’s plan. Pick one or type your own.</Text>
          <Autocomplete label="Lost reason" data={REASONS} value={reason} onChange={setReason} required data-autofocus />
          <FormFooter submitLabel="Close as lost" color="red" submitDisabled={!reason.trim()} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
