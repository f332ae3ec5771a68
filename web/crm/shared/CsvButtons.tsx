// A list's CSV actions: import into it (the import page, this entity chosen) and export what the
// list can show. The server scopes the export to what the caller sees; roles that may not import
// or read the entity see no button (identity/policy.ts, mirrored in app/permissions.ts).
import { Button } from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { Link } from 'react-router';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import type { Entity } from './resources';

const NOUN: Record<Entity, string> = { accounts: 'accounts', contacts: 'contacts', deals: 'deals', activities: 'activities' };

export function CsvButtons({ entity }: { entity: Entity }) {
  const { user } = useSession();
  return (
    <>
      {can(user.role, entity, 'create') && (
        <Button component={Link} to={`/import?entity=${entity}`} variant="default" leftSection={<IconUpload size={16} aria-hidden />}>
          Import CSV
        </Button>
      )}
      {can(user.role, entity, 'read') && (
        <Button
          component="a"
          href={`/api/v1/exports/${entity}.csv`}
          download
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          title={`Every one of the ${NOUN[entity]} you can see, as CSV`}
        >
          Export CSV
        </Button>
      )}
    </>
  );
}
