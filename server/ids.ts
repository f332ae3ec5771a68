import { createHash, randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';

/** Time-ordered ids: new rows land at the end of B-tree indexes on both engines. */
export const newId = (): string => uuidv7();

/** A random secret for cookies, tokens and invitations (256 bits, URL-safe). */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** Stored form of a secret: the database never holds a usable session or token. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
