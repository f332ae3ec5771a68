// The KPI catalogue: every KPI Furrow computes, each defined once in its own file. Later
// capabilities add their entries here.
import { activityVolume } from './activity-volume.js';
import { pipelineCoverage, quotaAttainment, wonAmount } from './bookings.js';
import { coachingActionItemsClosed, coachingCadenceKept, coachingObjectivesMet, coachingSessionsOverdue } from './coaching.js';
import { crammingIndex } from './cramming-index.js';
import { averageDealSize, salesCycleLength, salesCycleLengthMean } from './deal-size-cycle.js';
import { leadMqls, leadRejections, marketingDelivery, mqlToSal, mqlToWon, newToMql, opportunityToWon, salToSql, sqlToOpportunity } from './lead-funnel.js';
import { leadRevenue, leadToWonVelocity } from './lead-revenue.js';
import { leadAcceptSla, leadAttemptsSla, leadTouchSla, speedToLead } from './lead-sla.js';
import { speedToLead5m, speedToLead15m, speedToLead60m, speedToLeadP95 } from './lead-speed.js';
import { openPipeline, pipelineCreated, weightedPipeline } from './pipeline.js';
import { pipelineHygiene } from './pipeline-hygiene.js';
import { callPlanCoverage, planHitRate, plannedAdvanceRate, planningLift, unplannedAdvanceRate } from './planning.js';
import { processAdherence, processAdherenceWeighted } from './process-adherence.js';
import { ritualAdherence } from './ritual-adherence.js';
import { openQualifiedDeals, salesVelocity } from './sales-velocity.js';
import { stageConversion, timeInStage } from './stage-flow.js';
import type { KpiDefinition } from './types.js';
import { winRate, winRateValue } from './win-rate.js';

export const CATALOGUE: readonly KpiDefinition[] = [
  winRate,
  winRateValue,
  averageDealSize,
  salesCycleLength,
  salesCycleLengthMean,
  wonAmount,
  quotaAttainment,
  pipelineCreated,
  openPipeline,
  weightedPipeline,
  pipelineCoverage,
  openQualifiedDeals,
  salesVelocity,
  timeInStage,
  stageConversion,
  activityVolume,
  crammingIndex,
  processAdherence,
  processAdherenceWeighted,
  callPlanCoverage,
  planHitRate,
  plannedAdvanceRate,
  unplannedAdvanceRate,
  planningLift,
  ritualAdherence,
  pipelineHygiene,
  coachingCadenceKept,
  coachingSessionsOverdue,
  coachingActionItemsClosed,
  coachingObjectivesMet,
  newToMql,
  leadMqls,
  mqlToSal,
  salToSql,
  sqlToOpportunity,
  opportunityToWon,
  mqlToWon,
  leadToWonVelocity,
  leadRevenue,
  speedToLead,
  speedToLeadP95,
  speedToLead5m,
  speedToLead15m,
  speedToLead60m,
  leadAcceptSla,
  leadTouchSla,
  leadAttemptsSla,
  marketingDelivery,
  leadRejections,
];

const BY_ID = new Map(CATALOGUE.map((k) => [k.meta.id, k]));

export function findKpi(id: string): KpiDefinition | undefined {
  return BY_ID.get(id);
}
