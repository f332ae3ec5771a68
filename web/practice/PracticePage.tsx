// Practice: the scenario library, starting a role-play or a recorded pitch, scoring what the caller
// partners on or reviews, and the readiness of the team with certification.
import { Alert, Badge, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Attempt } from '../../api/practice-attempts';
import type { Scenario } from '../../api/practice-scenarios';
import { mayPartner } from '../../lib/practice-partners';
import { formatInstant } from '../app/format';
import { useSession } from '../app/session';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { useTeams, useUsers } from '../data/people/people';
import { certify as certifyRep, refreshPractice, scoreAttempt, startAttempt, useAttempts, useReadiness, useScenarios } from '../data/practice/practice';
import { useWrite } from '../data/write';
import { Recorder } from './Recorder';
import { ScenarioForm } from './ScenarioForm';

function StartAttempt({ scenario }: { scenario: Scenario }) {
  const { user } = useSession();
  const users = useUsers();
  const teams = useTeams();
  const [partner, setPartner] = useState<string | null>(null);
  const start = useWrite({
    request: (kind: 'roleplay' | 'recording') => startAttempt({ scenarioId: scenario.id, kind, partnerId: kind === 'roleplay' ? partner : null }),
    refresh: refreshPractice,
    inline: true,
  });
  // The server's rule (lib/practice-partners.ts): the picker offers exactly the people it accepts.
  const me = { id: user.id, role: user.role, teamId: user.teamId };
  const partners = (users.data ?? [])
    .filter((u) => mayPartner(me, { id: u.id, role: u.role, teamId: u.teamId, active: !u.disabled }, teams.data ?? []))
    .map((u) => ({ value: u.id, label: `${u.name} (${u.role})` }));
  return (
    <Stack gap={6}>
      <Group gap={6} align="flex-end">
        <Select label="Partner playing the buyer" size="xs" data={partners} value={partner} onChange={setPartner} searchable w={220} />
        <Button size="xs" variant="default" disabled={!partner} onClick={() => start.save('roleplay')}>
          Start role-play
        </Button>
        <Button size="xs" variant="default" onClick={() => start.save('recording')}>
          Record a pitch
        </Button>
      </Group>
      {start.problem && (
        <Text size="xs" c="red">
          {start.problem}
        </Text>
      )}
    </Stack>
  );
}

function ScoreForm({ attempt }: { attempt: Attempt }) {
  const [scores, setScores] = useState<Record<string, number>>(Object.fromEntries(attempt.skills.map((s) => [s, 3])));
  const [feedback, setFeedback] = useState('');
  const save = useWrite({
    request: () =>
      scoreAttempt(attempt.id, {
        version: attempt.version,
        scores: attempt.skills.map((skill) => ({ skill, score: scores[skill] ?? 3 })),
        feedback: feedback || null,
      }),
    refresh: refreshPractice,
    inline: true,
  });
  return (
    <Paper withBorder p="sm">
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          Score {attempt.user.name} on “{attempt.scenarioName}” ({attempt.kind === 'roleplay' ? 'role-play' : 'recorded pitch'})
        </Text>
        {attempt.recording && (
          // biome-ignore lint/a11y/useMediaCaption: a rep's own voice recording has no captions to offer
          <audio controls src={attempt.recording.url} aria-label="Recorded pitch" />
        )}
        <Group gap="xs">
          {attempt.skills.map((skill) => (
            <NumberInput
              key={skill}
              label={`${skill} (1–5)`}
              min={1}
              max={5}
              w={150}
              size="xs"
              value={scores[skill]}
              onChange={(v) => setScores({ ...scores, [skill]: Number(v) })}
            />
          ))}
        </Group>
        <Textarea label="Feedback" size="xs" value={feedback} onChange={(e) => setFeedback(e.currentTarget.value)} autosize minRows={2} />
        {save.problem && <Alert color="red">{save.problem}</Alert>}
        <Button size="xs" w="fit-content" onClick={() => save.save(undefined)} loading={save.pending}>
          Save score
        </Button>
      </Stack>
    </Paper>
  );
}

function ReadinessTable() {
  const { user } = useSession();
  const report = useReadiness();
  const certify = useWrite({
    request: (row: { userId: string; scenarioId: string }) => certifyRep(row),
    refresh: refreshPractice,
    inline: true,
  });
  if (!report.data) return null;
  const manages = user.role === 'manager' || user.role === 'admin';
  return (
    <Stack gap="xs">
      <Title order={2} fz="h4">
        Readiness
      </Title>
      <Text size="xs" c="dimmed">
        {report.data.formula}
      </Text>
      {certify.problem && <Alert color="red">{certify.problem}</Alert>}
      <Table aria-label="Readiness by rep and scenario">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Rep</Table.Th>
            <Table.Th>Scenario</Table.Th>
            <Table.Th>Readiness</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Certified until</Table.Th>
            {manages && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.data.items.map((r) => (
            <Table.Tr key={`${r.user.id}-${r.scenarioId}`}>
              <Table.Td>{r.user.name}</Table.Td>
              <Table.Td>{r.scenarioName}</Table.Td>
              <Table.Td>
                {r.readiness ?? '—'} / {r.threshold} ({r.attempts} attempt{r.attempts === 1 ? '' : 's'})
              </Table.Td>
              <Table.Td>
                <Badge color={r.status === 'ready' ? 'green' : r.status === 'not_ready' ? 'orange' : 'gray'} variant="light">
                  {r.status.replace('_', ' ')}
                </Badge>
              </Table.Td>
              <Table.Td>{r.certifiedUntil ? formatInstant(r.certifiedUntil) : '—'}</Table.Td>
              {manages && (
                <Table.Td>
                  {!r.certifiedUntil && r.user.id !== user.id && (
                    <Button size="xs" variant="light" onClick={() => certify.save({ userId: r.user.id, scenarioId: r.scenarioId })}>
                      Certify {r.user.name}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function PracticePage() {
  const { user } = useSession();
  const client = useQueryClient();
  // null: closed; 'new': adding; a scenario: editing it.
  const [editing, setEditing] = useState<Scenario | 'new' | null>(null);
  const writes = user.role === 'manager' || user.role === 'admin';
  const scenarios = useScenarios();
  const attempts = useAttempts();
  if (scenarios.error) return <ErrorState error={scenarios.error} />;
  if (!scenarios.data || !attempts.data) return <LoadingState />;
  const mine = attempts.data.filter((a) => a.user.id === user.id);
  const toScore = attempts.data.filter((a) => a.canScore);
  return (
    <>
      <PageHeader title="Practice" description="Don't play with live ammo: practise a scenario with a partner or record a pitch, get scored, get certified." />
      <Stack gap="lg">
        {toScore.length > 0 && (
          <Stack gap="xs">
            <Title order={2} fz="h4">
              To score
            </Title>
            {toScore.map((a) => (
              <ScoreForm key={a.id} attempt={a} />
            ))}
          </Stack>
        )}
        <Group justify="space-between">
          <Title order={2} fz="h4">
            Scenario library
          </Title>
          {writes && (
            <Button size="xs" onClick={() => setEditing('new')}>
              New scenario
            </Button>
          )}
        </Group>
        {editing !== null && (
          <ScenarioForm key={editing === 'new' ? 'new' : editing.id} scenario={editing === 'new' ? null : editing} opened onClose={() => setEditing(null)} />
        )}
        {scenarios.data.length === 0 && (
          <Text c="dimmed">{writes ? 'No scenarios yet: add the first with New scenario.' : 'No scenarios yet. A manager or admin adds them.'}</Text>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} role="list" aria-label="Scenario library">
          {scenarios.data.map((s) => (
            <Paper key={s.id} withBorder p="md" role="listitem" aria-label={s.name}>
              <Stack gap={6}>
                <Group justify="space-between">
                  <Text fw={600}>{s.name}</Text>
                  <Group gap={6}>
                    <Badge variant="light">{s.difficulty}</Badge>
                    {writes && (
                      <Button size="compact-xs" variant="subtle" onClick={() => setEditing(s)} aria-label={`Edit ${s.name}`}>
                        Edit
                      </Button>
                    )}
                  </Group>
                </Group>
                <Text size="sm">
                  <b>Buyer:</b> {s.persona}
                </Text>
                <Text size="sm">
                  <b>Situation:</b> {s.situation}
                </Text>
                <Text size="sm">
                  <b>Objectives:</b> {s.objectives.join('; ')}
                </Text>
                <Text size="xs" c="dimmed">
                  Scored on {s.skills.join(', ')} · pass at {s.passThreshold}
                  {s.meetingType ? ` · before ${s.meetingType} meetings` : ''}
                </Text>
                <StartAttempt scenario={s} />
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
        <Title order={2} fz="h4">
          My attempts
        </Title>
        {mine.length === 0 && <Text c="dimmed">No attempts yet: start one from a scenario above.</Text>}
        {mine.map((a) => (
          <Paper key={a.id} withBorder p="sm">
            <Group justify="space-between">
              <Text size="sm">
                {a.scenarioName} · {a.kind === 'roleplay' ? `role-play with ${a.partner?.name}` : 'recorded pitch'} · {formatInstant(a.createdAt)}
              </Text>
              {a.score !== null ? (
                <Text size="sm" fw={600}>
                  Score {a.score}
                  {a.feedback ? ` — ${a.feedback}` : ''}
                </Text>
              ) : a.kind === 'recording' && !a.recording ? (
                <Recorder attemptId={a.id} onUploaded={() => refreshPractice(client)} />
              ) : (
                <Text size="sm" c="dimmed">
                  Waiting for a score
                </Text>
              )}
            </Group>
          </Paper>
        ))}
        <ReadinessTable />
      </Stack>
    </>
  );
}
