// A list's CSV actions: import into it (the import page, this entity chosen) and export what the
// list shows: the link carries the list's filters, search and sort, so the file holds the records
// of every page of this view. The server scopes the export to what the caller sees; roles that
// may not import or read the entity see no button (identity/policy.ts, mirrored in
// app/permissions.ts).
import { Button } from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { Link } from 'react-router';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { type Entity, exportHref, type ListParams } from '../../data/records';

const NOUN: Record<Entity, string> = { accounts: 'accounts', contacts: 'contacts', deals: 'deals', activities: 'activities' };

export function CsvButtons({ entity, query = {}, narrowed }: { entity: Entity; query?: ListParams; narrowed?: boolean }) {
  const { user } = useSession();
  const filtered = narrowed ?? Object.entries(query).some(([key, value]) => key !== 'sort' && value !== undefined && value !== '');
  const noun = NOUN[entity];
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
          href={exportHref(entity, query)}
          download
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          title={
            filtered
              ? `Exports the ${noun} this list shows (every page, with its filters, search and sort) as CSV`
              : `Exports every one of the ${noun} you can see, as CSV`
          }
        >
          Export CSV
        </Button>
      )}
    </>
  );
}
