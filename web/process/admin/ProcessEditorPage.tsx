// Settings → Process: the admin defines the pipeline's stages and exit criteria, deal fields and
// qualification frameworks, and sees the version history. Tab and pipeline live in the URL.
import { Button, Group, Modal, Select, Stack, Tabs, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useUrlState } from '../../app/url-state';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { defaultPipelineOf } from '../../crm/shared/pipelines';
import { createPipeline, usePipelines, useProcess } from '../../data/pipelines/pipelines';
import { CustomFieldsEditor } from './CustomFieldsEditor';
import { FrameworksEditor } from './FrameworksEditor';
import { StagesEditor } from './StagesEditor';
import { useProcessChange } from './use-process-change';
import { VersionsPanel } from './VersionsPanel';

function NewPipeline({ onCreated, copyFrom }: { onCreated(id: string): void; copyFrom: string | undefined }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [copy, setCopy] = useState(true);
  const change = useProcessChange();
  return (
    <>
      <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setOpen(true)}>
        New pipeline
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="New pipeline">
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const created = await change.run(
              () => createPipeline({ name: name.trim(), ...(copy && copyFrom ? { copyFromPipelineId: copyFrom } : {}) }),
              `${name.trim()} created`,
            );
            if (created) {
              setOpen(false);
              setName('');
              onCreated(created.pipeline.id);
            }
          }}
        >
          <Stack gap="sm">
            <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
            <Select
              label="Start from"
              data={[
                { value: 'copy', label: 'A copy of this pipeline, with its exit criteria' },
                { value: 'default', label: 'The default stages, no criteria' },
              ]}
              value={copy ? 'copy' : 'default'}
              onChange={(v) => setCopy(v === 'copy')}
              allowDeselect={false}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={change.busy}>
                Create
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

export function ProcessEditorPage() {
  const url = useUrlState();
  const pipelines = usePipelines();
  const pipelineId = url.get('pipelineId') ?? defaultPipelineOf(pipelines.data)?.id;
  const process = useProcess(pipelineId);
  const tab = url.get('tab') ?? 'stages';

  return (
    <>
      <PageHeader
        title="Sales process"
        description="Define the stages deals move through and what must be true to leave each one. Every change becomes a new process version."
        actions={
          <Group gap="xs">
            {(pipelines.data?.length ?? 0) > 1 && (
              <Select
                aria-label="Pipeline"
                data={(pipelines.data ?? []).map((p) => ({ value: p.id, label: p.isDefault ? `${p.name} (default)` : p.name }))}
                value={pipelineId ?? null}
                onChange={(v) => url.set({ pipelineId: v })}
                allowDeselect={false}
                w={220}
              />
            )}
            <NewPipeline copyFrom={pipelineId} onCreated={(id) => url.set({ pipelineId: id })} />
          </Group>
        }
      />
      <Tabs value={tab} onChange={(v) => url.set({ tab: v }, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="stages">Stages and exit criteria</Tabs.Tab>
          <Tabs.Tab value="fields">Custom fields</Tabs.Tab>
          <Tabs.Tab value="frameworks">Qualification</Tabs.Tab>
          <Tabs.Tab value="versions">Versions{process.data?.currentVersion ? ` (v${process.data.currentVersion.number})` : ''}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="stages">
          {(process.isPending || pipelines.isPending) && <LoadingState rows={8} label="Loading the process" />}
          {process.isError && <ErrorState error={process.error} onRetry={() => process.refetch()} />}
          {process.data && <StagesEditor process={process.data} />}
        </Tabs.Panel>
        <Tabs.Panel value="fields">
          <CustomFieldsEditor />
        </Tabs.Panel>
        <Tabs.Panel value="frameworks">
          <FrameworksEditor />
        </Tabs.Panel>
        <Tabs.Panel value="versions">
          <Stack>{pipelineId && <VersionsPanel pipelineId={pipelineId} currentId={process.data?.currentVersion?.id ?? null} />}</Stack>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
