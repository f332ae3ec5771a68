// Frozen once released: custom field values on accounts and contacts, kept as deals keep theirs (a
// JSON object by key in `custom`), so an account file's extra columns (revenue, year founded) have a home.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('accounts')
    .addColumn('custom', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema
    .alterTable('contacts')
    .addColumn('custom', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('contacts').dropColumn('custom').execute();
  await db.schema.alterTable('accounts').dropColumn('custom').execute();
}
