// The global search: `/` or Ctrl-K anywhere opens it; results link to the records.
import { Kbd, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import type { SearchResult } from '../../../api/search';
import { useSearch } from '../../data/search/search';
import { groupResults, SearchResults } from './SearchResults';
import { linkOf } from './search-links';

interface Props {
  opened: boolean;
  onClose(): void;
}

export function SearchPalette({ opened, onClose }: Props) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [q] = useDebouncedValue(text.trim(), 200);
  const navigate = useNavigate();
  const listId = useId();

  const results = useSearch(q, opened);
  const items = q.length > 0 ? groupResults(results.data?.items ?? []) : [];

  // A new query starts again at its first result.
  const [lastQ, setLastQ] = useState(q);
  if (lastQ !== q) {
    setLastQ(q);
    setActive(0);
  }
  useEffect(() => {
    if (!opened) setText('');
  }, [opened]);

  const open = (r: SearchResult) => {
    onClose();
    navigate(linkOf(r));
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Search" size="lg" yOffset="10vh" trapFocus>
      <Stack gap="sm">
        <TextInput
          data-autofocus
          aria-label="Search accounts, contacts, deals, leads and activities"
          placeholder="Search accounts, contacts, deals, leads and activities"
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={results.isFetching ? <Loader size="xs" /> : null}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          role="combobox"
          aria-expanded={items.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={items[active] ? `${listId}-${active}` : undefined}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((i) => Math.min(i + 1, items.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((i) => Math.max(i - 1, 0));
            } else if (e.key === 'Enter' && items[active]) {
              e.preventDefault();
              open(items[active]);
            }
          }}
        />
        <SearchResults listId={listId} items={items} active={active} onHover={setActive} onOpen={open} />
        {q.length > 0 && !results.isFetching && results.isSuccess && items.length === 0 && (
          <Text size="sm" c="dimmed" role="status">
            Nothing matches “{q}”. Try the start of a word of a name, an email, a domain or an activity’s subject.
          </Text>
        )}
        {results.isError && (
          <Text size="sm" c="red.8" role="alert">
            Search is not available right now.
          </Text>
        )}
        <Text size="xs" c="dimmed">
          <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> to choose, <Kbd size="xs">Enter</Kbd> to open, <Kbd size="xs">Esc</Kbd> to close
        </Text>
      </Stack>
    </Modal>
  );
}
