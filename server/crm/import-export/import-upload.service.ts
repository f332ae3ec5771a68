// A CSV file too big for a JSON body (the body limit is 25 MB) arrives as a multipart upload and is
// stored as it streams: a part at a time into the background job's text (job_texts), never whole in
// memory, while the job is held back; once the last part is stored the job is released and runs the
// same import as any other background import, reading the parts one at a time (decision 0208).
import { StringDecoder } from 'node:string_decoder';
import { Value } from 'typebox/value';
import type { ImportEntity } from '../../../api/imports.js';
import { ImportUploadOptions } from '../../../api/imports.js';
import type { JobAccepted } from '../../../api/jobs.js';
import type { Ctx } from '../../context.js';
import { invalidField, invalidInput } from '../../errors.js';
import { dropHeldJob, releaseJob, storeJobTextStream } from '../../jobs/jobs.service.js';
import type { ImportJobPayload } from './import.jobs.js';
import { accepted, enqueueImport } from './import-background.service.js';
import { dateOrderOf } from './import-value-specs.js';

export interface CsvUpload {
  /** The multipart field "options": the import's options as JSON (ImportUploadOptions); absent = defaults. */
  options: string | undefined;
  /** The file's bytes as they arrive (`truncated` once over the size limit); undefined when the request has no file. */
  file: (AsyncIterable<Buffer> & { readonly truncated?: boolean }) | undefined;
  fileName: string | undefined;
}

/** The options field read and checked, every problem named by its field. */
function optionsOf(text: string | undefined): ImportUploadOptions {
  let value: unknown = {};
  if (text !== undefined && text.trim() !== '') {
    try {
      value = JSON.parse(text);
    } catch {
      throw invalidField('options', 'is not JSON: send the import’s options as a JSON object');
    }
  }
  if (!Value.Check(ImportUploadOptions, value)) {
    throw invalidInput(
      [...Value.Errors(ImportUploadOptions, value)].slice(0, 20).map((e) => ({ field: `options${e.instancePath.replaceAll('/', '.')}`, message: e.message })),
    );
  }
  return value;
}

class FileTooLarge extends Error {}

async function* decoded(bytes: NonNullable<CsvUpload['file']>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of bytes) {
    // The multipart parser cuts a file at the limit and says so only on the stream.
    if (bytes.truncated) throw new FileTooLarge();
    yield decoder.write(chunk);
  }
  if (bytes.truncated) throw new FileTooLarge();
  yield decoder.end();
}

export async function startUploadedImport(ctx: Ctx, entity: ImportEntity, upload: CsvUpload): Promise<JobAccepted> {
  const options = optionsOf(upload.options);
  if (!upload.file) throw invalidField('file', 'attach the CSV as the multipart field "file" (after the field "options")');
  const { dateFormat, ...rest } = options;
  const jobOptions: ImportJobPayload['options'] = {
    ...rest,
    entity,
    dateFormat: dateOrderOf(dateFormat),
    fileName: options.fileName ?? upload.fileName?.slice(0, 255),
  };
  const id = await enqueueImport(ctx, jobOptions, { held: true });
  try {
    const stored = await storeJobTextStream(ctx.db, id, decoded(upload.file));
    if (stored === 0) throw invalidField('file', 'is empty: the first line must name the columns');
    if (!(await releaseJob(ctx, id, { userId: ctx.actor.userId, via: ctx.actor.via, options: jobOptions } satisfies ImportJobPayload))) {
      throw new Error('the held import job was gone before its file was stored');
    }
  } catch (error) {
    await dropHeldJob(ctx, id);
    if (error instanceof FileTooLarge) throw invalidField('file', `is larger than ${Math.round(ctx.config.importMaxUploadBytes / 1024 / 1024)} MB`);
    throw error;
  }
  return accepted(id);
}
