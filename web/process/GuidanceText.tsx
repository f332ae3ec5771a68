// Stage guidance as an admin writes it: plain text with light Markdown (lines starting "- " or
// "* " become a list, **bold** is bold). Built from React elements only, never injected as HTML.
import { List, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

function inline(text: string): ReactNode[] {
  return text.split(/(\*\*[^*]+\*\*)/g).map((part, i) =>
    part.startsWith('**') && part.endsWith('**') && part.length > 4 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: parts of one line never move
      <strong key={i}>{part.slice(2, -2)}</strong>
    ) : (
      part
    ),
  );
}

type Block = { kind: 'p'; text: string } | { kind: 'ul'; items: string[] };

export function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const item = /^[-*•]\s+(.*)$/.exec(line);
    const last = blocks[blocks.length - 1];
    if (item) {
      if (last?.kind === 'ul') last.items.push(item[1] as string);
      else blocks.push({ kind: 'ul', items: [item[1] as string] });
    } else {
      blocks.push({ kind: 'p', text: line });
    }
  }
  return blocks;
}

export function GuidanceText({ text, size = 'sm' }: { text: string; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <Stack gap={6}>
      {blocksOf(text).map((b, i) =>
        b.kind === 'p' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks of a static text
          <Text key={i} size={size}>
            {inline(b.text)}
          </Text>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks of a static text
          <List key={i} size={size} spacing={2}>
            {b.items.map((it, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: items of a static list
              <List.Item key={j}>{inline(it)}</List.Item>
            ))}
          </List>
        ),
      )}
    </Stack>
  );
}
