import { Button } from '@mantine/core';
import { IconMapSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyHint } from '../components/EmptyHint';

interface Props {
  /** "deal", "account" … when a record could not be found (or is not yours to see). */
  what?: string;
}

export function NotFoundPage({ what }: Props) {
  return (
    <div data-testid="not-found">
      <EmptyHint
        icon={<IconMapSearch size={28} />}
        title={what ? `This ${what} was not found` : 'Page not found'}
        description={
          what
            ? `It may have been deleted, or it belongs to someone whose ${what}s you cannot see. Ask its owner or your manager if you need it.`
            : 'The address does not lead anywhere in Furrow. Check the link, or start again from Home.'
        }
        action={
          <Button component={Link} to="/" variant="light">
            Go to Home
          </Button>
        }
      />
    </div>
  );
}
