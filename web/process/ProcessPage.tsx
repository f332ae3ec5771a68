// The Process page: is the team keeping the process, week by week, person by person, and does
// the process predict winning? Every number opens the moves or deals behind it; state is in the URL.
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { plural } from '../app/format';
import { useSession } from '../app/session';
import { useUrlState } from '../app/url-state';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { useFirstDraw } from '../components/use-first-draw';
import { useAdherence, useCalibration } from '../data/adherence/adherence';
import { AdherenceTrend } from './AdherenceTrend';
import { CalibrationSection } from './CalibrationSection';
import { FigureTile } from './FigureTile';
import { PeopleTable } from './PeopleTable';
import { dealsLink, lastWeeks, movesLink, pct, type Scope } from './process-links';
import { ScopeControls } from './ScopeControls';
import { VersionsTable } from './VersionsTable';

const tone = (r: number | null) => (r === null ? undefined : r >= 0.8 ? 'good' : r >= 0.6 ? 'warn' : 'bad');

export function ProcessPage() {
  const { user } = useSession();
  const url = useUrlState();
  const from = url.get('from');
  const to = url.get('to');
  useEffect(() => {
    if (!from || !to) url.set(lastWeeks(13), { replace: true });
  }, [from, to, url]);

  // The default period is asked for at once, not after the effect above has put it in the URL (a
  // render later); the same range, so the URL's arrival does not ask again.
  const range = from && to ? { from, to } : lastWeeks(13);
  const scope: Scope = { ...range, pipelineId: url.get('pipelineId'), ownerId: url.get('ownerId'), teamId: url.get('teamId') };
  const report = useAdherence({ from: range.from, to: range.to, pipelineId: scope.pipelineId, ownerId: scope.ownerId, teamId: scope.teamId });
  // Calibration (further down, drawn once the figures are) is asked for alongside them, not after them.
  useCalibration({ pipelineId: scope.pipelineId, ownerId: scope.ownerId, teamId: scope.teamId });
  const t = report.data?.totals;
  // The figures' first draw in slices: tiles, trend, tables of versions, reps and teams at once made one long task.
  const drawn = useFirstDraw(report.data !== undefined);
  const who = user.role === 'rep' ? 'your' : user.role === 'manager' ? 'your team’s' : 'the organisation’s';

  return (
    <>
      <PageHeader title="Process" description={`How well ${who} stage moves keep the sales process: exit criteria met, no overrides, no skipped stages.`} />
      <Stack gap="lg">
        <ScopeControls url={url} teams={report.data?.teams} />
        {report.isError && <ErrorState error={report.error} onRetry={() => report.refetch()} />}
        {(report.isPending || (report.data && !drawn)) && <LoadingState rows={8} label="Loading adherence" />}
        {t && report.data && drawn && (
          <>
            {report.data.importedMoves > 0 && (
              <Text size="sm" c="dimmed">
                {plural(report.data.importedMoves, 'move')} in this period came from an historical import: another system's history, never checked against the
                gate, so in none of these figures (each deal's timeline shows them as Imported).
              </Text>
            )}
            <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }}>
              <FigureTile
                label="Adherence"
                value={pct(t.adherence)}
                hint={`${t.adherentMoves} of ${plural(t.moves, 'move')}`}
                to={movesLink(scope, 'nonAdherent')}
                tone={tone(t.adherence)}
              />
              <FigureTile
                label="Weighted"
                value={pct(t.weightedAdherence)}
                hint={`${t.adherentGain} of ${t.forwardGain} probability points`}
                to={movesLink(scope, 'forward')}
                tone={tone(t.weightedAdherence)}
              />
              <FigureTile
                label="Overrides"
                value={String(t.overrides)}
                hint={t.challengedOverrides > 0 ? `moved past unmet criteria · ${t.challengedOverrides} challenged` : 'moved past unmet criteria'}
                to={movesLink(scope, t.challengedOverrides > 0 ? 'challenged' : 'override')}
              />
              <FigureTile label="Skipped" value={String(t.skippedMoves)} hint="moves that jumped a stage" to={movesLink(scope, 'skipped')} />
              <FigureTile label="Backward" value={String(t.backwardMoves)} hint="moves to an earlier stage" to={movesLink(scope, 'backward')} />
              <FigureTile
                label="Aging"
                value={String(t.agingDeals)}
                hint={`of ${plural(t.openDeals, 'open deal')} past the stage limit`}
                to={dealsLink(scope, 'aging')}
                tone={t.agingDeals > 0 ? 'warn' : undefined}
              />
              <FigureTile
                label="No next step"
                value={String(t.noNextStepDeals)}
                hint="open deals with nothing scheduled"
                to={dealsLink(scope, 'noNextStep')}
                tone={t.noNextStepDeals > 0 ? 'warn' : undefined}
              />
            </SimpleGrid>
            {t.moves === 0 && (
              <Text size="sm" c="dimmed">
                No stage moves in this period. Pick a longer period, or move deals on the board.
              </Text>
            )}
            <AdherenceTrend report={report.data} scope={scope} view={url.get('view') ?? 'chart'} onView={(v) => url.set({ view: v }, { replace: true })} />
            <VersionsTable
              rows={report.data.versions}
              scope={scope}
              showPipeline={!scope.pipelineId && new Set(report.data.versions.map((v) => v.pipelineId)).size > 1}
            />
            {user.role !== 'rep' && (
              <PeopleTable
                title="By rep"
                scope={scope}
                empty="No stage moves or open deals for anyone in this scope."
                rows={report.data.reps.map((r) => ({ ...r, key: r.userId, narrow: { ownerId: r.userId } }))}
              />
            )}
            {report.data.teams.length > 0 && (
              <PeopleTable
                title="By team (each with the teams below it)"
                scope={scope}
                empty="No teams."
                rows={report.data.teams.map((r) => ({ ...r, key: r.teamId, narrow: { teamId: r.teamId } }))}
              />
            )}
            <CalibrationSection scope={scope} />
          </>
        )}
      </Stack>
    </>
  );
}
