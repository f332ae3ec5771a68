// A page that creates one CRM record (an account, a contact, a deal): its heading, the record's
// fields in a form card and the one create write. Cancel goes back where the person came from; the
// created record opens on its own page.
import type { UseFormReturnType } from '@mantine/form';
import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { FormCard } from '../../components/FormCard';
import { PageHeader } from '../../components/PageHeader';
import { useWrite } from '../../data/write';

interface Props<V extends Record<string, unknown>, B, R extends { id: string }> {
  /** What is created ("account"): the heading, the form's name and its button say it; it opens at /accounts/<id>. */
  noun: string;
  description: string;
  /** As useWrite's: the form, and the fields the server's problems may name. */
  form: { form: UseFormReturnType<V>; fields: readonly string[] };
  body(values: V): B;
  /** As useWrite's: the create request, the queries it changes and the notification once created. */
  write: { request(body: B): Promise<R>; refresh(queryClient: QueryClient): Promise<unknown>; success(record: R): string };
  children: ReactNode;
}

export function NewRecordPage<V extends Record<string, unknown>, B, R extends { id: string }>({
  noun,
  description,
  form,
  body,
  write: options,
  children,
}: Props<V, B, R>) {
  const navigate = useNavigate();
  const write = useWrite({ ...options, onSuccess: (record) => navigate(`/${noun}s/${record.id}`), form });
  const submit = form.form.onSubmit((values) => write.save(body(values)));

  return (
    <>
      <PageHeader title={`New ${noun}`} description={description} />
      <FormCard
        label={`New ${noun}`}
        onSubmit={submit}
        problem={write.problem}
        submitLabel={`Create ${noun}`}
        submitting={form.form.submitting}
        onCancel={() => navigate(-1)}
      >
        {children}
      </FormCard>
    </>
  );
}
