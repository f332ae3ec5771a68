import { Select } from '@mantine/core';
import { useSession } from '../../app/session';
import { useUsers } from '../../data/people/people';

/** Managers and admins narrow a list to one person; reps only ever see their own. */
export function OwnerFilter({ value, onChange }: { value: string | undefined; onChange(value: string | null): void }) {
  const { user } = useSession();
  const users = useUsers();
  if (user.role === 'rep') return null;
  const data = (users.data ?? []).filter((u) => u.role !== 'marketing').map((u) => ({ value: u.id, label: u.id === user.id ? `${u.name} (me)` : u.name }));
  return <Select aria-label="Owner" placeholder="Any owner" data={data} value={value ?? null} onChange={onChange} clearable searchable w={200} />;
}
