// Pure: turns the server's flat timeline into what a person reads. Field changes made in one save
// become one entry; the stage_id change that mirrors a stage move is left to the move.
import type { TimelineItem } from '../../../api/timeline';
import { isStageField } from './history-fields';

const NAME_FIELDS = new Set(['name', 'first_name', 'firstName', 'last_name', 'lastName']);

export type ChangeItem = Extract<TimelineItem, { kind: 'change' }>;
export type MoveItem = Extract<TimelineItem, { kind: 'stage_move' }>;
export type ActivityItem = Extract<TimelineItem, { kind: 'activity' }>;
export type CommentItem = Extract<TimelineItem, { kind: 'comment' }>;

export type Entry =
  | { kind: 'activity'; key: string; item: ActivityItem }
  | { kind: 'stage_move'; key: string; item: MoveItem }
  | { kind: 'comment'; key: string; item: CommentItem }
  | { kind: 'changes'; key: string; at: string; actor: ChangeItem['actor']; via: string; created: boolean; changes: ChangeItem[] };

export function groupTimeline(items: TimelineItem[]): Entry[] {
  const moveTimes = new Set(items.filter((i) => i.kind === 'stage_move').map((i) => i.at));
  const out: Entry[] = [];
  for (const item of items) {
    if (item.kind === 'activity') out.push({ kind: 'activity', key: item.id, item });
    else if (item.kind === 'stage_move') out.push({ kind: 'stage_move', key: item.id, item });
    else if (item.kind === 'comment') out.push({ kind: 'comment', key: item.id, item });
    else {
      if (isStageField(item.field) && moveTimes.has(item.at)) continue;
      const last = out[out.length - 1];
      if (last?.kind === 'changes' && last.at === item.at && last.actor?.id === item.actor?.id) {
        last.changes.push(item);
      } else {
        out.push({ kind: 'changes', key: item.id, at: item.at, actor: item.actor, via: item.via, created: false, changes: [item] });
      }
    }
  }
  // A record's first save writes every field "from nothing", its name among them: that is its
  // creation, not a series of edits.
  for (const entry of out) {
    if (entry.kind === 'changes') entry.created = entry.changes.every((c) => c.from === null) && entry.changes.some((c) => NAME_FIELDS.has(c.field));
  }
  return out;
}
