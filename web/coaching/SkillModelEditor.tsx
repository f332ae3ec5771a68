// An admin edits the workspace's skill model: skill names and each level's label and description.
// Every save is a new version (the server's), so ratings given under the old rubric keep the words
// they were given against; a skill keeps its key across versions, so its history stays one line.
import { ActionIcon, Alert, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { SkillModel } from '../../api/coaching-skills';
import { formatInstant } from '../app/format';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { putSkillModel, refreshCoaching, useSkillModel } from '../data/coaching/coaching';
import { useWrite } from '../data/write';

interface LevelValues {
  level: number;
  label: string;
  description: string;
}
interface SkillValues {
  key?: string;
  name: string;
  levels: LevelValues[];
}

const NEW_LEVELS = ['Novice', 'Developing', 'Proficient', 'Expert'];

function Editor({ model }: { model: SkillModel }) {
  const form = useForm({
    initialValues: {
      note: '',
      skills: model.skills.map((s): SkillValues => ({ key: s.key, name: s.name, levels: s.levels.map((l) => ({ ...l })) })),
    },
  });
  const write = useWrite({
    request: (v: typeof form.values) =>
      putSkillModel({
        version: model.version,
        ...(v.note.trim() ? { note: v.note } : {}),
        skills: v.skills.map((s) => ({ ...(s.key ? { key: s.key } : {}), name: s.name, levels: s.levels })),
      }),
    refresh: refreshCoaching,
    success: (m) => `Skill model saved as version ${m.version}`,
    form: {
      form,
      fields: ['note'],
      // The server names a skill's field as skills/0/levels/1/label; the form's path uses dots.
      rename: (problems) => Object.fromEntries(problems.map((p) => [p.field, p.field.replace(/\//g, '.')])),
    },
  });
  return (
    <form onSubmit={form.onSubmit(write.save)} noValidate aria-label="Skill model">
      <Stack gap="md">
        {write.problem && (
          <Alert color="red" role="alert">
            {write.problem}
          </Alert>
        )}
        {form.values.skills.map((skill, i) => (
          <Paper key={skill.key ?? `new-${i}`} withBorder radius="md" p="md" component="fieldset" aria-label={`Skill ${i + 1}`}>
            <Group align="flex-end" mb="xs">
              <TextInput label="Skill" required style={{ flex: 1 }} {...form.getInputProps(`skills.${i}.name`)} />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={`Remove ${skill.name || 'this skill'}`}
                onClick={() => form.removeListItem('skills', i)}
                disabled={form.values.skills.length === 1}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
            <Stack gap={6}>
              {skill.levels.map((level, j) => (
                <Group key={level.level} align="flex-start" wrap="nowrap">
                  <TextInput
                    label={`Level ${level.level}`}
                    required
                    w={180}
                    aria-label={`${skill.name}: level ${level.level} label`}
                    {...form.getInputProps(`skills.${i}.levels.${j}.label`)}
                  />
                  <Textarea
                    label="What it looks like"
                    autosize
                    minRows={1}
                    style={{ flex: 1 }}
                    aria-label={`${skill.name}: level ${level.level} description`}
                    {...form.getInputProps(`skills.${i}.levels.${j}.description`)}
                  />
                </Group>
              ))}
            </Stack>
          </Paper>
        ))}
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() =>
              form.insertListItem('skills', {
                name: '',
                levels: NEW_LEVELS.map((label, k) => ({ level: k + 1, label, description: '' })),
              } satisfies SkillValues)
            }
          >
            Add a skill
          </Button>
        </Group>
        <TextInput label="What changed" description="Kept with the version" {...form.getInputProps('note')} />
        <Group justify="flex-end">
          <Button type="submit" loading={write.pending}>
            Save as version {model.version + 1}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function SkillModelEditor() {
  const model = useSkillModel();
  if (model.isPending) return <LoadingState rows={6} label="Loading the skill model" />;
  if (model.isError) return <ErrorState error={model.error} onRetry={() => model.refetch()} />;
  return (
    <Stack gap="sm">
      <div>
        <Title order={2} fz="h4">
          Skill model, version {model.data.version}
        </Title>
        <Text size="sm" c="dimmed">
          Saved {formatInstant(model.data.createdAt)}
          {model.data.note ? `: ${model.data.note}` : ''}. Each save is a new version; ratings keep the version they were given under, so they stay comparable.
        </Text>
      </div>
      {/* Keyed by version: a save loads the new model into a fresh form. */}
      <Editor key={model.data.version} model={model.data} />
    </Stack>
  );
}
