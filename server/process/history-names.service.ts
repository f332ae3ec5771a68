// Names for the process's own history fields (checklist.<criterionId>, qualification.<framework>.<element>),
// so a timeline reads "Checklist: Value hypothesis agreed" and never a key or a uuid.
import type { Ctx } from '../context.js';
import { criteriaByIds, elementsOfFrameworkKeys, versionSnapshots } from './history-names.repo.js';

export interface HistoryRef {
  field: string;
  at: number;
}

const CHECKLIST = 'checklist.';
const QUALIFICATION = 'qualification.';

interface Snapshot {
  stages?: { criteria?: { id?: string; label?: string }[] }[];
}

function labelsIn(snapshot: string): Map<string, string> {
  const out = new Map<string, string>();
  try {
    for (const stage of (JSON.parse(snapshot) as Snapshot).stages ?? []) for (const c of stage.criteria ?? []) if (c.id && c.label) out.set(c.id, c.label);
  } catch {
    // A snapshot that does not parse names nothing; the current label stands in.
  }
  return out;
}

function splitQualification(field: string): { framework: string; element: string } | null {
  const rest = field.slice(QUALIFICATION.length);
  const dot = rest.indexOf('.');
  return dot > 0 ? { framework: rest.slice(0, dot), element: rest.slice(dot + 1) } : null;
}

/**
 * A label for each process history field, keyed `${field}@${at}`. A checklist item is named as the
 * process version in force at that instant recorded it (a renamed item keeps its old name in old
 * entries); frameworks carry no versions, so an element is named by its framework's definition.
 */
export async function processHistoryLabels(ctx: Ctx, refs: readonly HistoryRef[]): Promise<Map<string, string>> {
  const ws = ctx.actor.workspaceId;
  const out = new Map<string, string>();
  const checklist = refs.filter((r) => r.field.startsWith(CHECKLIST));
  const qualification = refs.filter((r) => r.field.startsWith(QUALIFICATION));

  if (checklist.length > 0) {
    const criteria = await criteriaByIds(ctx.db, ws, [...new Set(checklist.map((r) => r.field.slice(CHECKLIST.length)))]);
    const byId = new Map(criteria.map((c) => [c.id, c]));
    const versions = (await versionSnapshots(ctx.db, ws, [...new Set(criteria.map((c) => c.pipeline_id))])).map((v) => ({
      pipelineId: v.pipeline_id,
      at: v.created_at,
      labels: labelsIn(v.snapshot),
    }));
    for (const r of checklist) {
      const id = r.field.slice(CHECKLIST.length);
      const criterion = byId.get(id);
      const ofPipeline = versions.filter((v) => v.pipelineId === criterion?.pipeline_id && v.labels.has(id));
      // The version in force at the instant; a tick between the item's creation and the next snapshot
      // falls back to the first version that knew it.
      const inForce = ofPipeline.filter((v) => v.at <= r.at).at(-1) ?? ofPipeline[0];
      const name = inForce?.labels.get(id) ?? criterion?.label;
      out.set(`${r.field}@${r.at}`, name ? `Checklist: ${name}` : 'Checklist item (removed)');
    }
  }

  if (qualification.length > 0) {
    const parts = qualification.map((r) => splitQualification(r.field));
    const keys = [...new Set(parts.flatMap((p) => (p ? [p.framework] : [])))];
    const elements = await elementsOfFrameworkKeys(ctx.db, ws, keys);
    const frameworkName = new Map(elements.map((e) => [e.framework_key, e.framework_name]));
    const elementLabel = new Map(elements.map((e) => [`${e.framework_key}.${e.element_key}`, e.element_label]));
    qualification.forEach((r, i) => {
      const p = parts[i];
      const framework = (p && frameworkName.get(p.framework)) ?? 'Qualification';
      const element = p ? (elementLabel.get(`${p.framework}.${p.element}`) ?? 'an element since removed') : 'an element since removed';
      out.set(`${r.field}@${r.at}`, `${framework}: ${element}`);
    });
  }
  return out;
}
