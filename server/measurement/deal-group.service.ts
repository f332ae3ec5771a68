// The dealGroup parameter of deal KPIs: which field of the deal or its account a figure is broken
// down by (account.industry, account.country, deal.custom.<key>, account.custom.<key>). Only a
// KPI whose records are deals (or their stage history) can be; custom fields must exist and hold
// text or a choice, whose values are the groups (numbers and dates would be a group per value).
import type { Ctx } from '../context.js';
import { invalidField } from '../errors.js';
import { fieldsInUse } from '../process/custom-fields.service.js';
import { NO_GROUP } from './kpis/engine.repo.js';
import type { DealGroup, KpiDefinition } from './kpis/types.js';

const DEAL_RECORDS = new Set(['deal', 'stage_interval', 'stage_entry', 'stage_move']);
const PATTERN = /^(?:account\.(industry|country)|(deal|account)\.custom\.([a-z][a-z0-9_]{0,39}))$/;

export async function resolveDealGroup(ctx: Ctx, kpi: KpiDefinition, text: string | undefined): Promise<DealGroup | null> {
  if (text === undefined) return null;
  if (kpi.kind !== 'simple' || kpi.meta.audience !== 'sales' || !DEAL_RECORDS.has(kpi.records)) {
    throw invalidField('dealGroup', `${kpi.meta.name} is not counted per deal, so it cannot be broken down by a deal or account field`);
  }
  const match = PATTERN.exec(text);
  if (!match) throw invalidField('dealGroup', 'must be account.industry, account.country, deal.custom.<key> or account.custom.<key>');
  const [, column, entity, key] = match;
  if (column === 'industry' || column === 'country') return { kind: 'account', column };
  const owner = entity === 'deal' ? 'deal' : 'account';
  const field = (await fieldsInUse(ctx, owner)).find((f) => f.key === key);
  if (!field) throw invalidField('dealGroup', `no ${owner} field has the key ${key}`);
  if (field.type !== 'text' && field.type !== 'select')
    throw invalidField('dealGroup', `${field.label} is a ${field.type} field; only text and choice fields group deals`);
  return { kind: 'custom', entity: owner, key: field.key };
}

/** A group's label: the value itself, and "None" for the deals without one. */
export const dealGroupLabel = (key: string) => (key === NO_GROUP ? 'None' : key);
