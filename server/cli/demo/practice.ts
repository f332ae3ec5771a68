// Writes the demo's practice year (./practice-plan.ts): the scenario library, the role-plays with
// their partners' scores and feedback (a few recent ones still waiting for a score), and the
// certifications those scores earned or managers granted, with their expiry. Role-plays only: a
// recorded pitch needs an audio file the demo has none of.
import type { Insertable } from 'kysely';
import { practiceLevel } from '../../coaching/ratings.service.js';
import { findModelVersion, skillsOfVersion } from '../../coaching/skills.repo.js';
import type { SkillRatingsTable } from '../../db/schema/coaching.js';
import type { CertificationsTable, PracticeAttemptsTable, PracticeScenariosTable } from '../../db/schema/practice.js';
import { newId } from '../../ids.js';
import { DAY, HOUR } from './calendar.js';
import { DEMO_SCENARIOS, type PracticeWorld, practiceYear } from './practice-plan.js';
import { insertRows, type Sink } from './writer.js';

export interface PracticeTotals {
  scenarios: number;
  attempts: number;
  certifications: number;
  ratings: number;
}

export async function seedDemoPractice(
  sink: Sink,
  input: PracticeWorld & { workspaceId: string; adminId: string; managerIds: readonly string[] },
): Promise<PracticeTotals> {
  const { workspaceId, createdAt } = input;
  const scenarioIds = new Map<string, string>();
  const scenarios: Insertable<PracticeScenariosTable>[] = DEMO_SCENARIOS.map((s, i) => {
    const id = newId();
    scenarioIds.set(s.key, id);
    const at = createdAt + s.addedDay * DAY + 3 * HOUR;
    return {
      id,
      workspace_id: workspaceId,
      name: s.name,
      persona: s.persona,
      situation: s.situation,
      objectives: JSON.stringify(s.objectives),
      skills: JSON.stringify(s.skills),
      difficulty: s.difficulty,
      meeting_type: s.meetingType,
      pass_threshold: s.passThreshold,
      validity_days: s.validityDays,
      created_by: s.addedBy === 'admin' ? input.adminId : (input.managerIds[i % input.managerIds.length] ?? input.adminId),
      created_at: at,
      updated_at: at,
      archived_at: null,
      version: 1,
    };
  });
  // Scores feed the rep's skill profile as the product does on scoring (ratings.service#ratePracticeAttempt).
  const model = await findModelVersion(sink.db, workspaceId, null);
  const skills = model ? await skillsOfVersion(sink.db, workspaceId, model.id) : [];
  const skillNamed = new Map(skills.map((k) => [k.name.toLowerCase(), { key: k.key, levels: (JSON.parse(k.levels) as unknown[]).length }]));
  const ratings: Insertable<SkillRatingsTable>[] = [];
  const attempts: Insertable<PracticeAttemptsTable>[] = [];
  const certifications: Insertable<CertificationsTable>[] = [];
  for (const year of practiceYear(input)) {
    const ids = year.attempts.map(() => newId());
    year.attempts.forEach((a, i) => {
      attempts.push({
        id: ids[i] as string,
        workspace_id: workspaceId,
        scenario_id: scenarioIds.get(a.scenarioKey) as string,
        user_id: year.rep.id,
        kind: 'roleplay',
        partner_id: a.partnerId,
        scores: a.scoredAt === null ? null : JSON.stringify(a.scores),
        score: a.scoredAt === null ? null : a.score,
        feedback: a.feedback,
        scored_by: a.scoredAt === null ? null : a.partnerId,
        scored_at: a.scoredAt,
        recording_file: null,
        recording_type: null,
        recording_bytes: null,
        created_at: a.createdAt,
        updated_at: a.scoredAt ?? a.createdAt,
        version: a.scoredAt === null ? 1 : 2,
      });
      if (a.scoredAt === null || !model) return;
      const scenario = DEMO_SCENARIOS.find((x) => x.key === a.scenarioKey);
      for (const s of a.scores) {
        const skill = skillNamed.get(s.skill.toLowerCase());
        if (!skill) continue;
        ratings.push({
          id: newId(),
          workspace_id: workspaceId,
          user_id: year.rep.id,
          skill_key: skill.key,
          model_version: model.version,
          level: practiceLevel(s.score, skill.levels),
          session_id: null,
          rated_by: a.partnerId,
          rated_at: a.scoredAt,
          note: `Practice: ${scenario?.name ?? a.scenarioKey} (${s.score} of 5)`,
          source: 'practice',
          attempt_id: ids[i] as string,
        });
      }
    });
    for (const c of year.certifications)
      certifications.push({
        id: newId(),
        workspace_id: workspaceId,
        user_id: year.rep.id,
        scenario_id: scenarioIds.get(c.scenarioKey) as string,
        method: c.method,
        granted_by: c.grantedBy,
        attempt_id: c.attempt === null ? null : (ids[c.attempt] ?? null),
        note: c.note,
        granted_at: c.grantedAt,
        expires_at: c.expiresAt,
        revoked_at: null,
      });
  }
  await insertRows(sink, 'practice_scenarios', scenarios);
  await insertRows(sink, 'practice_attempts', attempts);
  await insertRows(sink, 'certifications', certifications);
  await insertRows(sink, 'skill_ratings', ratings);
  return { scenarios: scenarios.length, attempts: attempts.length, certifications: certifications.length, ratings: ratings.length };
}
