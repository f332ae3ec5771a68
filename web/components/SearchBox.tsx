import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';

interface Props {
  value: string | undefined;
  onChange(value: string): void;
  label: string;
  placeholder?: string;
}

/** Types freely, tells the list after a short pause so each keystroke is not a request. */
export function SearchBox({ value, onChange, label, placeholder }: Props) {
  const [text, setText] = useState(value ?? '');
  // Follow outside changes (back button, a cleared filter) without eating a trailing space while typing.
  useEffect(() => setText((t) => (t.trim() === (value ?? '') ? t : (value ?? ''))), [value]);
  const commit = useDebouncedCallback((next: string) => onChange(next.trim()), 300);
  return (
    <TextInput
      aria-label={label}
      placeholder={placeholder ?? label}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      type="search"
      onChange={(e) => {
        setText(e.currentTarget.value);
        commit(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onChange(text.trim());
      }}
      style={{ flex: '1 1 220px', maxWidth: 360 }}
    />
  );
}
