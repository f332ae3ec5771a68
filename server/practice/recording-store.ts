// Where recorded pitches live: one interface, two stores — a local folder (PRACTICE_STORAGE_DIR, the
// default) or an S3-compatible bucket (recording-store-s3.ts). Keys are ids Furrow makes, never user
// input. An upload is staged first (nothing is stored under its key until it is committed), so a
// refused or cut-off upload leaves nothing behind. The type is what the bytes are, sniffed from their
// header, not what the browser claimed.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** The audio containers accepted, by the first bytes of the file. */
export function sniffAudio(head: Buffer): string | null {
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return 'audio/webm';
  if (head.subarray(0, 4).toString('latin1') === 'OggS') return 'audio/ogg';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WAVE') return 'audio/wav';
  if (head.subarray(4, 8).toString('latin1') === 'ftyp') return 'audio/mp4';
  if (head.subarray(0, 3).toString('latin1') === 'ID3' || (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0)) return 'audio/mpeg';
  return null;
}

export const ACCEPTED_TYPES = ['audio/webm', 'audio/ogg', 'audio/wav', 'audio/x-wav', 'audio/wave', 'audio/mp4', 'audio/mpeg', 'video/webm'];

/** An upload received in full into a local staging file, not yet stored under its key. */
export interface Staged {
  key: string;
  /** The staging file. */
  path: string;
  bytes: number;
  /** The first 12 bytes, for sniffing. */
  head: Buffer;
  /** Hex SHA-256 of the whole file. */
  sha256: string;
}

export interface RecordingStore {
  /** Receives the stream into a staging file; a broken stream throws and leaves nothing. */
  stage(key: string, stream: Readable): Promise<Staged>;
  /** Stores the staged file under its key (and removes the staging file, stored or not). */
  commit(staged: Staged, contentType: string): Promise<void>;
  /** Removes the staging file and the stored object, whichever exist. */
  discard(key: string): Promise<void>;
  /** The stored recording, or null when there is none. */
  open(key: string): Promise<Readable | null>;
}

/** Streams into `<dir>/<key>.part`, hashing and keeping the head on the way. */
export async function stageFile(dir: string, key: string, stream: Readable): Promise<Staged> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${key}.part`);
  const hash = createHash('sha256');
  let bytes = 0;
  let head = Buffer.alloc(0);
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      if (head.length < 12) head = Buffer.concat([head, chunk.subarray(0, 12 - head.length)]);
      done(null, chunk);
    },
  });
  const out = createWriteStream(path);
  try {
    await pipeline(stream, tap, out);
  } catch (error) {
    // The file is created when the stream opens, which may come after the failure: wait for the close.
    if (!out.closed) await once(out, 'close').catch(() => {});
    await unlink(path).catch(() => {});
    throw error;
  }
  return { key, path, bytes, head, sha256: hash.digest('hex') };
}

export function localRecordingStore(dir: string): RecordingStore {
  return {
    stage: (key, stream) => stageFile(dir, key, stream),
    commit: async (staged) => {
      try {
        await rename(staged.path, join(dir, staged.key));
      } catch (error) {
        await unlink(staged.path).catch(() => {});
        throw error;
      }
    },
    discard: async (key) => {
      await unlink(join(dir, `${key}.part`)).catch(() => {});
      await unlink(join(dir, key)).catch(() => {});
    },
    open: async (key) => {
      const stream = createReadStream(join(dir, key));
      const opened = await new Promise<boolean>((resolve, reject) => {
        stream.once('open', () => resolve(true));
        stream.once('error', (e) => ((e as { code?: string }).code === 'ENOENT' ? resolve(false) : reject(e)));
      });
      return opened ? stream : null;
    },
  };
}
