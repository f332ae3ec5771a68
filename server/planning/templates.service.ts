// Call-plan templates per meeting type: the built-in text until an admin edits it.
import type { CallPlanTemplate, CallPlanTemplatePut, MeetingType } from '../../api/call-plans.js';
import { MEETING_TYPES } from '../../api/call-plans.js';
import { type Ctx, inTransaction } from '../context.js';
import { forbidden, stale } from '../errors.js';
import { newId } from '../ids.js';
import { insertTemplate, listTemplateRows, type TemplateRow, updateTemplate } from './call-plans.repo.js';
import { BUILT_IN_TEMPLATES, type TemplateText } from './template-defaults.js';

const toTemplate = (type: MeetingType, row: TemplateRow | undefined): CallPlanTemplate =>
  row
    ? {
        meetingType: type,
        objective: row.objective,
        questions: JSON.parse(row.questions),
        objections: JSON.parse(row.objections),
        builtIn: false,
        version: row.version,
      }
    : { meetingType: type, ...BUILT_IN_TEMPLATES[type], builtIn: true, version: 0 };

export async function listTemplates(ctx: Ctx): Promise<CallPlanTemplate[]> {
  const rows = await listTemplateRows(ctx.db, ctx.actor.workspaceId);
  return MEETING_TYPES.map((t) =>
    toTemplate(
      t,
      rows.find((r) => r.meeting_type === t),
    ),
  );
}

export async function templateFor(ctx: Ctx, type: MeetingType): Promise<TemplateText> {
  return (await listTemplates(ctx)).find((t) => t.meetingType === type) ?? BUILT_IN_TEMPLATES[type];
}

export async function putTemplate(ctx: Ctx, type: MeetingType, input: CallPlanTemplatePut): Promise<CallPlanTemplate> {
  if (ctx.actor.role !== 'admin') throw forbidden('Only an admin edits call-plan templates');
  await inTransaction(ctx, async (tx) => {
    const ws = ctx.actor.workspaceId;
    const row = (await listTemplateRows(tx.db, ws)).find((r) => r.meeting_type === type);
    const now = tx.now();
    const text = {
      objective: input.objective.trim(),
      questions: JSON.stringify(input.questions.map((q) => q.trim())),
      objections: JSON.stringify(input.objections),
      updated_by: ctx.actor.userId,
      updated_at: now,
    };
    if (!row) {
      if (input.version !== 0) throw stale('Template', 0);
      await insertTemplate(tx.db, { id: newId(), workspace_id: ws, meeting_type: type, ...text, created_at: now, version: 1 });
    } else if (input.version !== row.version || !(await updateTemplate(tx.db, ws, type, row.version, text))) {
      throw stale('Template', row.version);
    }
  });
  return (await listTemplates(ctx)).find((t) => t.meetingType === type) as CallPlanTemplate;
}
