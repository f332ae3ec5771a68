// The session editor's state: the form (agenda prepared once for a new session), the session it
// edits (replaced when a conflict is resolved) and the one write that saves the session, its new
// action items and the ratings given in it.
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { CoachingSession } from '../../api/coaching-sessions';
import { formatCalendarDate, formatDay } from '../app/format';
import { useSession as useSignedIn } from '../app/session';
import { errorMessage } from '../components/ErrorState';
import {
  addActionItem,
  createSession,
  fetchSession,
  patchSession,
  rateSkill,
  refreshCoaching,
  useActionItems,
  useAgenda,
  useSessions,
  useSkillModel,
} from '../data/coaching/coaching';
import { useWrite } from '../data/write';
import { describeSession, formFieldOf, SESSION_LABELS, type SessionValues, sessionCreate, sessionPatch, sessionValues, validateSession } from './session-form';

/** When the prepared agenda cannot be read: the coachee's open actions and what was last agreed. */
function agendaFromHistory(
  openItems: { text: string; dueDate: string | null; overdue: boolean; owner: { name: string } }[],
  last: CoachingSession | undefined,
): string {
  const lines: string[] = [];
  if (openItems.length > 0) {
    lines.push('Open action items:');
    for (const i of openItems)
      lines.push(`- ${i.text} (${i.owner.name}${i.dueDate ? `, due ${formatCalendarDate(i.dueDate)}` : ''}${i.overdue ? ', overdue' : ''})`);
  }
  if (last?.sharedNotes) {
    if (lines.length > 0) lines.push('');
    lines.push(`Last session (${formatDay(last.heldAt ?? last.scheduledAt)}):`, last.sharedNotes);
  }
  return lines.join('\n');
}

export function useSessionForm(coachee: { id: string; name: string }, existing: CoachingSession | null) {
  const { user } = useSignedIn();
  const navigate = useNavigate();
  const model = useSkillModel();
  const openItems = useActionItems({ coacheeId: coachee.id, open: true }, !existing);
  const lastHeld = useSessions({ coacheeId: coachee.id, state: 'held', limit: 1 }, !existing);
  const prepared = useAgenda(coachee.id, !existing);
  const [base, setBase] = useState<CoachingSession | null>(existing);
  const coachId = base?.coach.id ?? user.id;
  const iAmCoach = coachId === user.id;
  const skills = model.data?.skills ?? [];
  const form = useForm<SessionValues>({
    initialValues: sessionValues(existing),
    validate: validateSession,
  });

  // A new session's agenda starts, once, from the server's prepared agenda (focus trend, deals at
  // risk, overdue actions, last notes and deal reviews), unless the coach already typed one; the
  // history is the fallback when it cannot be read.
  const agendaFilled = useRef(Boolean(existing));
  useEffect(() => {
    if (agendaFilled.current || prepared.isPending) return;
    const text = prepared.data?.text;
    if (text === undefined && (!openItems.data || !lastHeld.data)) return;
    agendaFilled.current = true;
    if (form.getValues().agenda === '') form.setFieldValue('agenda', text ?? agendaFromHistory(openItems.data ?? [], lastHeld.data?.[0]));
  }, [prepared.isPending, prepared.data, openItems.data, lastHeld.data, form]);

  const write = useWrite({
    request: async (values: SessionValues) => {
      let saved: CoachingSession;
      if (base) {
        const patch = sessionPatch(values, base, iAmCoach);
        saved = Object.keys(patch).length > 1 ? await patchSession(base.id, patch) : base;
        for (const item of values.newItems) await addActionItem(saved.id, { ownerId: item.ownerId, text: item.text, dueDate: item.dueDate || null });
      } else {
        saved = await createSession(sessionCreate(coachee.id, values));
      }
      // Ratings are their own records (with the model version); given after the session exists so
      // each names it. A refused one leaves the saved session and says which rating did not land.
      const failed: string[] = [];
      for (const [skillKey, level] of Object.entries(values.ratings)) {
        if (!level || !values.skillKeys.includes(skillKey)) continue;
        try {
          await rateSkill({ userId: coachee.id, skillKey, level: Number(level), sessionId: saved.id });
        } catch (error) {
          failed.push(`${skills.find((s) => s.key === skillKey)?.name ?? skillKey}: ${errorMessage(error)}`);
        }
      }
      return { saved, failed };
    },
    refresh: refreshCoaching,
    success: ({ failed }) => (failed.length > 0 ? null : existing ? 'Session saved' : `Session with ${coachee.name} saved`),
    onSuccess: ({ saved, failed }) => {
      if (failed.length === 0) return navigate(`/coaching/people/${coachee.id}`);
      notifications.show({ color: 'red', title: 'Session saved, a rating was not', message: failed.join('; ') });
      navigate(`/coaching/sessions/${saved.id}`, { replace: true });
    },
    form: {
      form,
      fields: ['scheduledAt', 'heldAt', 'agenda', 'sharedNotes', 'privateNotes', 'skillKeys', 'deals'],
      rename: (problems) => Object.fromEntries(problems.map((f) => [f.field, formFieldOf(f.field)])),
    },
    conflict: base
      ? {
          noun: 'session',
          base,
          setBase: (s: CoachingSession) => setBase(s),
          fetchLatest: () => fetchSession(base.id),
          valuesOf: (s: CoachingSession) => sessionValues(s),
          labels: SESSION_LABELS,
          describe: describeSession,
        }
      : undefined,
  });

  return { form, write, base, coachId, iAmCoach, skills };
}

export type SessionForm = ReturnType<typeof useSessionForm>['form'];
