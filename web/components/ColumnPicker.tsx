import { Button, Checkbox, Menu } from '@mantine/core';
import { IconColumns3 } from '@tabler/icons-react';
import type { Column } from './columns';

interface Props<T> {
  columns: Column<T>[];
  visible: string[];
  onToggle(key: string): void;
  onReset(): void;
}

export function ColumnPicker<T>({ columns, visible, onToggle, onReset }: Props<T>) {
  return (
    <Menu closeOnItemClick={false} position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconColumns3 size={16} />}>
          Columns
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Show columns</Menu.Label>
        {columns
          .filter((c) => !c.fixed)
          .map((c) => (
            <Menu.Item
              key={c.key}
              onClick={() => onToggle(c.key)}
              leftSection={<Checkbox readOnly checked={visible.includes(c.key)} size="xs" tabIndex={-1} aria-hidden />}
            >
              {c.label}
            </Menu.Item>
          ))}
        <Menu.Divider />
        <Menu.Item onClick={onReset}>Reset to default</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
