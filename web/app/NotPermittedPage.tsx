// A form the signed-in role cannot submit: said plainly at its address, instead of a form that
// ends in 403 after the work of filling it in.
import { Button } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Role } from '../../api/common';
import { EmptyHint } from '../components/EmptyHint';
import { can, type Operation, type Resource } from './permissions';
import { useSessionState } from './session';

const ROLE_NAME: Record<Role, string> = { admin: 'admins', manager: 'managers', rep: 'sales reps', marketing: 'marketing', coach: 'outside coaches' };
const VERB: Record<Operation, string> = { read: 'open', create: 'create', update: 'change', delete: 'delete' };
const NOUN: Record<Resource, string> = {
  accounts: 'accounts',
  contacts: 'contacts',
  deals: 'deals',
  activities: 'activities',
  lead_imports: 'lead imports',
  deal_comments: 'deal comments',
  coaching: 'coaching records',
};

export function notPermittedText(role: Role, resource: Resource, operation: Operation): string {
  const reads = can(role, resource, 'read');
  return `In Furrow, ${ROLE_NAME[role]} ${reads ? `can read ${NOUN[resource]} but not ${VERB[operation]} them` : `do not work with ${NOUN[resource]}`}. Ask a sales colleague or an admin if this needs doing.`;
}

/** What a role reads at the address of a form it cannot submit. */
export function NotPermitted({ title, why, back }: { title: string; why: string; back: { to: string; label: string } }) {
  return (
    <div data-testid="not-permitted">
      <EmptyHint
        icon={<IconLock size={28} />}
        title={title}
        description={why}
        action={
          <Button component={Link} to={back.to} variant="light">
            {back.label}
          </Button>
        }
      />
    </div>
  );
}

/** Renders the form only for a role that may submit it; others read why. */
export function Permitted({ resource, operation, children }: { resource: Resource; operation: Operation; children: ReactNode }) {
  const { session } = useSessionState();
  if (!session) return null;
  const role = session.user.role;
  if (can(role, resource, operation)) return <>{children}</>;
  return (
    <NotPermitted
      title={`You cannot ${VERB[operation]} ${NOUN[resource]}`}
      why={notPermittedText(role, resource, operation)}
      back={{ to: `/${resource}`, label: `Back to ${NOUN[resource]}` }}
    />
  );
}
