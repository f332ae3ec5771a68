// Where recorded pitches live: a local folder (PRACTICE_STORAGE_DIR). File names are attempt ids,
// never user input. The type is what the bytes are, sniffed from their header, not what the
// browser claimed. An S3-compatible store would implement the same three functions.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
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

export interface Saved {
  bytes: number;
  head: Buffer;
}

/** Streams into name.part, then renames; a failed or refused upload leaves nothing behind. */
export async function saveRecording(dir: string, name: string, stream: Readable): Promise<Saved> {
  await mkdir(dir, { recursive: true });
  const part = join(dir, `${name}.part`);
  try {
    await pipeline(stream, createWriteStream(part));
  } catch (error) {
    await unlink(part).catch(() => {});
    throw error;
  }
  const handle = await open(part, 'r');
  const head = Buffer.alloc(12);
  try {
    await handle.read(head, 0, 12, 0);
  } finally {
    await handle.close();
  }
  const { size } = await stat(part);
  return { bytes: size, head };
}

export async function commitRecording(dir: string, name: string): Promise<void> {
  await rename(join(dir, `${name}.part`), join(dir, name));
}

export async function discardRecording(dir: string, name: string): Promise<void> {
  await unlink(join(dir, `${name}.part`)).catch(() => {});
  await unlink(join(dir, name)).catch(() => {});
}

export function readRecording(dir: string, name: string): Readable {
  return createReadStream(join(dir, name));
}
