// Recorded pitches: the rep uploads audio to their own attempt; the rep and the attempt's
// reviewers stream it back. Limits: size (PRACTICE_MAX_UPLOAD_MB), audio containers only
// (checked on the bytes), one recording per attempt. A refused or cut-off upload leaves nothing in
// the store, local folder or S3-compatible bucket alike (PRACTICE_STORAGE).
import type { Readable } from 'node:stream';
import type { Attempt } from '../../api/practice-attempts.js';
import type { RecordingStorageConfig } from '../config.js';
import { type Ctx, inTransaction } from '../context.js';
import { invalidField, notFound, stale } from '../errors.js';
import { newId } from '../ids.js';
import { assertOwnRecordingAttempt, getAttempt, visibleAttempt } from './attempts.service.js';
import { updateAttempt } from './practice.repo.js';
import { ACCEPTED_TYPES, localRecordingStore, type RecordingStore, type Staged, sniffAudio } from './recording-store.js';
import { s3RecordingStore } from './recording-store-s3.js';

export interface Upload {
  stream: Readable & { truncated?: boolean };
  mimetype: string;
}

const baseType = (t: string) => t.split(';')[0]?.trim().toLowerCase() ?? '';

export async function uploadRecording(ctx: Ctx, id: string, upload: Upload | undefined): Promise<Attempt> {
  const attempt = await visibleAttempt(ctx, id);
  assertOwnRecordingAttempt(ctx, attempt);
  if (!upload) throw invalidField('file', 'attach the audio as the multipart field "file"');
  if (!ACCEPTED_TYPES.includes(baseType(upload.mimetype))) {
    upload.stream.resume();
    throw invalidField('file', `must be audio (webm, ogg, wav, mp4 or mpeg); got ${baseType(upload.mimetype) || 'no type'}`);
  }
  const store = recordingStore(ctx.config.practiceStorage);
  // A key per upload: two uploads racing on one attempt never touch each other's object.
  const key = `${id}-${newId()}`;
  const maxMb = Math.round(ctx.config.practiceMaxUploadBytes / 1024 / 1024);
  let staged: Staged;
  try {
    staged = await store.stage(key, upload.stream);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw invalidField('file', `is larger than ${maxMb} MB`);
    // The body ended before the file did: a cut-off upload, not a server fault.
    throw invalidField('file', 'the upload was cut off before the end; try again');
  }
  const fail = async (message: string): Promise<never> => {
    await store.discard(key).catch(() => {});
    throw invalidField('file', message);
  };
  if (upload.stream.truncated) await fail(`is larger than ${maxMb} MB`);
  if (staged.bytes === 0) await fail('is empty');
  const contentType = sniffAudio(staged.head);
  if (!contentType) await fail('is not audio in a known format (webm, ogg, wav, mp4 or mpeg)');
  try {
    // Stored first, linked second: the attempt never names an object that is not there.
    await store.commit(staged, contentType as string);
    await inTransaction(ctx, async (tx) => {
      const ok = await updateAttempt(tx.db, ctx.actor.workspaceId, id, attempt.version, {
        recording_file: key,
        recording_type: contentType,
        recording_bytes: staged.bytes,
        updated_at: tx.now(),
      });
      if (!ok) throw stale('Practice attempt', attempt.version);
    });
  } catch (error) {
    await store.discard(key).catch(() => {});
    throw error;
  }
  return getAttempt(ctx, id);
}

export async function openRecording(ctx: Ctx, id: string): Promise<{ stream: Readable; contentType: string; bytes: number }> {
  const a = await visibleAttempt(ctx, id);
  if (!a.recording_file || !a.recording_type) throw notFound('Recording');
  const stream = await recordingStore(ctx.config.practiceStorage).open(a.recording_file);
  if (!stream) throw notFound('Recording');
  return { stream, contentType: a.recording_type, bytes: Number(a.recording_bytes) };
}

function recordingStore(config: RecordingStorageConfig): RecordingStore {
  return config.kind === 's3' ? s3RecordingStore(config) : localRecordingStore(config.dir);
}
