import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { SearchResult } from '../../../api/search';
import { titleIfCut } from '../../components/title-if-cut';
import { TYPE_LABEL } from './search-links';

const ORDER = ['account', 'contact', 'deal', 'lead', 'activity'] as const;
const GROUP_LABEL = { account: 'Accounts', contact: 'Contacts', deal: 'Deals', lead: 'Leads', activity: 'Activities' } as const;

/** Results grouped by type, accounts first; the server's order (best match first) within a type. */
export function groupResults(items: SearchResult[]): SearchResult[] {
  return ORDER.flatMap((type) => items.filter((r) => r.type === type));
}

interface Props {
  listId: string;
  items: SearchResult[];
  active: number;
  onHover(index: number): void;
  onOpen(result: SearchResult): void;
}

export function SearchResults({ listId, items, active, onHover, onOpen }: Props) {
  const indexOf = new Map(items.map((r, i) => [r, i]));
  return (
    <Stack gap="xs" role="listbox" id={listId} aria-label="Results">
      {ORDER.filter((type) => items.some((r) => r.type === type)).map((type) => (
        <Stack gap={2} key={type} role="group" aria-label={GROUP_LABEL[type]}>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="xs" aria-hidden>
            {GROUP_LABEL[type]}
          </Text>
          {items
            .filter((r) => r.type === type)
            .map((r) => {
              const i = indexOf.get(r) ?? 0;
              return (
                <UnstyledButton
                  key={`${r.type}:${r.id}`}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  onMouseEnter={() => onHover(i)}
                  onClick={() => onOpen(r)}
                  p="xs"
                  w="100%"
                  style={{ borderRadius: 6, background: i === active ? 'var(--mantine-color-furrow-0)' : undefined }}
                >
                  <Group justify="space-between" wrap="nowrap">
                    <div style={{ minWidth: 0 }}>
                      <Text size="sm" fw={600} truncate ref={titleIfCut}>
                        {r.title}
                      </Text>
                      {r.subtitle && (
                        <Text size="xs" c="dimmed" truncate ref={titleIfCut}>
                          {r.subtitle}
                        </Text>
                      )}
                    </div>
                    <Badge variant="light" color="gray" size="sm">
                      {TYPE_LABEL[r.type]}
                    </Badge>
                  </Group>
                </UnstyledButton>
              );
            })}
        </Stack>
      ))}
    </Stack>
  );
}
