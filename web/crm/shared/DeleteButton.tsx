import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { deleteRecord, type Entity, refreshRecords } from '../../data/records';
import { useWrite } from '../../data/write';

interface Props {
  entity: Entity;
  id: string;
  name: string;
  noun: string;
  after: string;
}

export function DeleteButton({ entity, id, name, noun, after }: Props) {
  const [opened, { open, close }] = useDisclosure(false);
  const navigate = useNavigate();
  const write = useWrite({
    request: () => deleteRecord(entity, id),
    refresh: (queryClient) => refreshRecords(queryClient, entity),
    success: `“${name}” deleted`,
    failure: 'Not deleted',
    onSuccess: () => navigate(after, { replace: true }),
  });
  const remove = async () => {
    if ((await write.save(undefined)) === undefined) close();
  };
  return (
    <>
      <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={open}>
        Delete
      </Button>
      <Modal opened={opened} onClose={close} title={`Delete this ${noun}?`}>
        <Stack>
          <Text size="sm">“{name}” disappears from lists and search. Its history is kept, so reports about the past stay right.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Keep it
            </Button>
            <Button color="red" loading={write.pending} onClick={remove}>
              Delete
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
