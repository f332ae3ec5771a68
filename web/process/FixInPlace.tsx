// Criteria a rep meets by doing something on the deal — log the activity, score the framework —
// offered right where the missing item is listed: in the stage checklist on the deal page and in
// the dialog of a refused move.
import { Anchor, Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Deal } from '../../api/deals';
import { ActivityModal } from '../crm/activities/ActivityModal';
import { dealPath } from '../crm/deals/move/pending-move';
import { ACTIVITY_TYPES, type ActivityKind } from '../crm/timeline/activity-icons';

const NOUN: Record<ActivityKind, string> = { call: 'call', meeting: 'meeting', email: 'email', task: 'completed task', note: 'note' };

const kindOf = (type: string | undefined): ActivityKind => ((ACTIVITY_TYPES as readonly string[]).includes(type ?? '') ? (type as ActivityKind) : 'meeting');

/** Opens the activity form on this deal with the type the criterion asks for; the gate is asked again after. */
export function LogActivityInline({ deal, activityType, onLogged }: { deal: Deal; activityType: string | undefined; onLogged?(): void }) {
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const type = kindOf(activityType);
  return (
    <>
      <Button size="xs" variant="light" mt={4} onClick={() => setOpened(true)}>
        Log the {NOUN[type]}
      </Button>
      {opened && (
        <ActivityModal
          opened
          initialType={type}
          links={{ dealId: deal.id, accountId: deal.accountId, contactId: deal.contactId }}
          context={`the deal ${deal.name}`}
          onClose={() => {
            setOpened(false);
            void queryClient.invalidateQueries({ queryKey: ['deals', 'gate', deal.id] });
            onLogged?.();
          }}
        />
      )}
    </>
  );
}

/** The deal page's qualification panel, opened on the framework the criterion counts (and keeping a pending move). */
export const scoreLink = (dealId: string, frameworkId: string, moveTo?: string) => dealPath(dealId, moveTo, { framework: frameworkId }, 'qualification');

export function ScoreFrameworkLink({
  dealId,
  frameworkId,
  moveTo,
  onClick,
}: {
  dealId: string;
  frameworkId: string | undefined;
  /** The stage a refused move aimed at: the deal page then offers to finish that move. */
  moveTo?: string;
  onClick?(): void;
}) {
  if (!frameworkId) return null;
  return (
    <Anchor component={Link} to={scoreLink(dealId, frameworkId, moveTo)} size="xs" c="furrow.8" display="block" mt={4} onClick={onClick}>
      Score it on the deal
    </Anchor>
  );
}
