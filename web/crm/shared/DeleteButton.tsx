import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../app/api';
import { errorMessage } from '../../components/ErrorState';
import { type Entity, refreshEntity } from './resources';

interface Props {
  entity: Entity;
  id: string;
  name: string;
  noun: string;
  after: string;
}

export function DeleteButton({ entity, id, name, noun, after }: Props) {
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = async () => {
    setBusy(true);
    try {
      await api.delete(`/api/v1/${entity}/${id}`);
      await refreshEntity(queryClient, entity);
      notifications.show({ color: 'furrow', message: `“${name}” deleted` });
      navigate(after, { replace: true });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not deleted', message: errorMessage(error) });
      setBusy(false);
      close();
    }
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
            <Button color="red" loading={busy} onClick={remove}>
              Delete
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
