import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** A secret the server shows exactly once (token, invitation link): copy it now. */
export function SecretOnce({ title, value, hint, onDone }: { title: string; value: string; hint: string; onDone(): void }) {
  return (
    <Alert color="yellow" variant="light" title={title}>
      <Stack gap="xs">
        <Text size="sm">{hint}</Text>
        <Code block data-testid="secret">
          {value}
        </Code>
        <Group>
          <CopyButton value={value}>
            {({ copied, copy }) => (
              <Button size="xs" onClick={copy} leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" onClick={onDone}>
            I have saved it
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
