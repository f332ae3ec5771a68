// Recorded pitches: the rep uploads audio to their own attempt; the rep and the attempt's
// reviewers stream it back. Limits: size (PRACTICE_MAX_UPLOAD_BYTES), audio containers only
// (checked on the bytes), one recording per attempt. A refused or cut-off upload leaves no file.
import type { Readable } from 'node:stream';
import type { Attempt } from '../../api/practice-attempts.js';
import { type Ctx, inTransaction } from '../context.js';
import { AppError, invalidField, notFound, stale } from '../errors.js';
import { assertOwnRecordingAttempt, getAttempt, visibleAttempt } from './attempts.service.js';
import { updateAttempt } from './practice.repo.js';
import { ACCEPTED_TYPES, commitRecording, discardRecording, readRecording, saveRecording, sniffAudio } from './recording-store.js';

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
  const dir = ctx.config.practiceStorageDir;
  const maxMb = Math.round(ctx.config.practiceMaxUploadBytes / 1024 / 1024);
  let saved: Awaited<ReturnType<typeof saveRecording>>;
  try {
    saved = await saveRecording(dir, id, upload.stream);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw invalidField('file', `is larger than ${maxMb} MB`);
    // The body ended before the file did: a cut-off upload, not a server fault.
    throw invalidField('file', 'the upload was cut off before the end; try again');
  }
  const fail = async (message: string): Promise<never> => {
    await discardRecording(dir, id);
    throw invalidField('file', message);
  };
  if (upload.stream.truncated) await fail(`is larger than ${maxMb} MB`);
  if (saved.bytes === 0) await fail('is empty');
  const contentType = sniffAudio(saved.head);
  if (!contentType) await fail('is not audio in a known format (webm, ogg, wav, mp4 or mpeg)');
  try {
    await inTransaction(ctx, async (tx) => {
      const ok = await updateAttempt(tx.db, ctx.actor.workspaceId, id, attempt.version, {
        recording_file: id,
        recording_type: contentType,
        recording_bytes: saved.bytes,
        updated_at: tx.now(),
      });
      if (!ok) throw stale('Practice attempt', attempt.version);
    });
    await commitRecording(dir, id);
  } catch (error) {
    await discardRecording(dir, id);
    throw error;
  }
  return getAttempt(ctx, id);
}

export async function openRecording(ctx: Ctx, id: string): Promise<{ stream: Readable; contentType: string; bytes: number }> {
  const a = await visibleAttempt(ctx, id);
  if (!a.recording_file || !a.recording_type) throw notFound('Recording');
  const stream = readRecording(ctx.config.practiceStorageDir, a.recording_file);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (e) =>
      reject(e instanceof Error && (e as { code?: string }).code === 'ENOENT' ? new AppError('not_found', 'Recording not found') : e),
    );
  });
  return { stream, contentType: a.recording_type, bytes: Number(a.recording_bytes) };
}
