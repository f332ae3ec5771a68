// Rating one skill in a session against its rubric: every level with its description, so the coach
// picks the level whose words fit what they saw, and the current level for reference.
import { Group, Paper, Radio, Stack, Text } from '@mantine/core';
import type { SkillProfileEntry } from '../../api/coaching-ratings';
import type { Skill } from '../../api/coaching-skills';

interface Props {
  skill: Skill;
  current: SkillProfileEntry | undefined;
  value: string;
  onChange(level: string): void;
  disabled?: boolean;
}

export function SkillRating({ skill, current, value, onChange, disabled = false }: Props) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Radio.Group
        label={`Rate ${skill.name}`}
        description={
          current?.level
            ? `Now ${current.level} of ${current.maxLevel} (${current.levelLabel}). Leave unrated to keep it.`
            : 'Not rated yet. Leave unrated to skip.'
        }
        value={value}
        onChange={onChange}
      >
        <Stack gap={6} mt="xs">
          {skill.levels.map((l) => (
            <Radio
              key={l.level}
              value={String(l.level)}
              disabled={disabled}
              label={
                <Group gap={6}>
                  <Text size="sm" fw={600}>
                    {l.level} · {l.label}
                  </Text>
                </Group>
              }
              description={l.description}
            />
          ))}
        </Stack>
      </Radio.Group>
    </Paper>
  );
}
