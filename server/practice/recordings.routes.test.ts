import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3StorageConfig } from '../config.js';
import { type S3Receiver, startS3Receiver } from '../test/s3-receiver.js';
import { createTestEnv, describeEngines, type TestEnv, type TestUser, type TestWorkspace, testEngines } from '../test/test-env.js';
import { s3RecordingStore } from './recording-store-s3.js';

const BOUNDARY = '----furrowtestboundary';
/** A WebM header (EBML magic) followed by filler: what Chromium's MediaRecorder produces first. */
const webm = (size: number) => Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(Math.max(0, size - 4), 7)]);

function multipart(content: Buffer, type: string, options: { cut?: boolean } = {}): Buffer {
  const head = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="pitch.webm"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  return options.cut ? Buffer.concat([head, content.subarray(0, Math.floor(content.length / 2))]) : Buffer.concat([head, content, tail]);
}

/** Everything a store holds for an attempt: its stored objects and staging files. */
type Leftovers = (attemptId: string) => string[];

const filesIn = (dir: string, attemptId: string) => {
  try {
    return readdirSync(dir).filter((name) => name.startsWith(attemptId));
  } catch {
    return [];
  }
};

describeEngines('practice recordings (local folder)', (env) =>
  recordingSuite(env, (id) => {
    const storage = env().config.practiceStorage;
    return storage.kind === 'local' ? filesIn(storage.dir, id) : ['not the local store'];
  }),
);

// The same guarantees against an S3-compatible server on loopback that checks every signature.
for (const engine of testEngines()) {
  describe(`practice recordings (S3-compatible store) [${engine}]`, () => {
    let receiver: S3Receiver | undefined;
    let current: (TestEnv & { close(): Promise<void> }) | undefined;
    beforeAll(async () => {
      receiver = await startS3Receiver();
      current = await createTestEnv(engine, { config: { practiceStorage: receiver.config } });
    });
    afterAll(async () => {
      await current?.close();
      await receiver?.close();
    });
    const env = () => current as TestEnv;
    const s3 = () => receiver as S3Receiver;
    recordingSuite(env, (id) => [
      ...[...s3().objects.keys()].filter((key) => key.startsWith(`recordings/${id}`)),
      ...filesIn(join(tmpdir(), 'furrow-recording-staging'), id),
    ]);

    it('keeps the object in the bucket with the sniffed type, signed requests only', async () => {
      const w = await env().workspace();
      const { rep, attempt } = await setupIn(w);
      const id = await attempt();
      const res = await uploadAs(env(), rep, id, multipart(webm(5000), 'video/webm'));
      expect(res.statusCode).toBe(200);
      const keys = [...s3().objects.keys()].filter((key) => key.startsWith(`recordings/${id}-`));
      expect(keys).toHaveLength(1);
      expect(s3().objects.get(keys[0] as string)?.contentType).toBe('audio/webm');
      expect(
        s3()
          .objects.get(keys[0] as string)
          ?.body.equals(webm(5000)),
      ).toBe(true);
      // The receiver refused nothing: every request's signature held.
      expect(s3().log.filter((entry) => entry.status === 403)).toEqual([]);
    });

    it('the receiver refuses a request signed with another secret, so the checks above mean something', async () => {
      const right = s3RecordingStore(s3().config);
      expect(await right.open('recordings-none')).toBeNull();
      const wrong = s3RecordingStore(s3StorageConfig({ ...s3().config, secretAccessKey: 'not-the-secret' }));
      await expect(wrong.open('recordings-none')).rejects.toThrow('S3 GET answered 403 SignatureDoesNotMatch');
    });

    it('a store outage answers 500 and links nothing; the next upload goes through', async () => {
      const w = await env().workspace();
      const { rep, attempt } = await setupIn(w);
      const id = await attempt();
      s3().failPuts = 1;
      const down = await uploadAs(env(), rep, id, multipart(webm(3000), 'audio/webm'));
      expect(down.statusCode).toBe(500);
      expect(JSON.stringify(down.json())).not.toContain('test-secret');
      expect((await w.as(rep).get(`/api/v1/practice-attempts/${id}`)).body.recording).toBeNull();
      expect([...s3().objects.keys()].filter((key) => key.includes(id))).toEqual([]);
      expect(filesIn(join(tmpdir(), 'furrow-recording-staging'), id)).toEqual([]);
      expect((await uploadAs(env(), rep, id, multipart(webm(3000), 'audio/webm'))).statusCode).toBe(200);
    });
  });
}

function uploadAs(env: TestEnv, user: TestUser, id: string, body: Buffer) {
  return env.app.inject({
    method: 'POST',
    url: `/api/v1/practice-attempts/${id}/recording`,
    headers: { authorization: `Bearer ${user.token}`, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: body,
  });
}

async function setupIn(w: TestWorkspace) {
  const manager = await w.user('manager');
  const team = await w.team('Field', { managerId: manager.id });
  const rep = await w.user('rep', { teamId: team });
  const peer = await w.user('rep', { teamId: team });
  const outsider = await w.user('manager');
  const { body: scenario } = await w.as(manager).post('/api/v1/practice-scenarios', {
    name: 'Elevator pitch',
    persona: 'A busy VP',
    situation: 'Thirty seconds in a hallway',
    objectives: ['Earn a meeting'],
    skills: ['messaging'],
    difficulty: 'basic',
  });
  const attempt = async (partnerId?: string) =>
    (await w.as(rep).post('/api/v1/practice-attempts', { scenarioId: scenario.id, kind: 'recording', ...(partnerId ? { partnerId } : {}) })).body.id as string;
  return { manager, rep, peer, outsider, attempt };
}

function recordingSuite(env: () => TestEnv, leftovers: Leftovers) {
  const upload = (user: TestUser, id: string, body: Buffer) => uploadAs(env(), user, id, body);
  const download = (user: TestUser, id: string) =>
    env().app.inject({ method: 'GET', url: `/api/v1/practice-attempts/${id}/recording`, headers: { authorization: `Bearer ${user.token}` } });

  const setup = setupIn;

  it('stores the pitch, streams it back only to the rep and its reviewers, and a reviewer scores it', async () => {
    const w = await env().workspace();
    const { manager, rep, peer, outsider, attempt } = await setup(w);
    const id = await attempt(peer.id);
    // Nothing to score before the recording exists.
    expect((await w.as(manager).post(`/api/v1/practice-attempts/${id}/score`, { version: 1, scores: [{ skill: 'messaging', score: 4 }] })).status).toBe(422);
    const audio = webm(40_000);
    expect((await upload(peer, id, multipart(audio, 'audio/webm'))).statusCode).toBe(403);
    const res = await upload(rep, id, multipart(audio, 'audio/webm;codecs=opus'));
    expect(res.statusCode).toBe(200);
    expect(res.json().recording).toEqual({ contentType: 'audio/webm', bytes: 40_000, url: `/api/v1/practice-attempts/${id}/recording` });
    expect((await upload(rep, id, multipart(audio, 'audio/webm'))).statusCode).toBe(409);

    for (const [who, status] of [
      [rep, 200],
      [manager, 200],
      [peer, 200],
      [outsider, 404],
      [w.admin, 200],
    ] as const) {
      const got = await download(who, id);
      expect(got.statusCode, who.role).toBe(status);
      if (status === 200) {
        expect(got.headers['content-type']).toBe('audio/webm');
        expect(got.rawPayload.equals(audio)).toBe(true);
      }
    }
    const other = await env().workspace();
    expect((await download(await other.user('rep'), id)).statusCode).toBe(404);

    const scored = await w
      .as(peer)
      .post(`/api/v1/practice-attempts/${id}/score`, { version: 2, scores: [{ skill: 'messaging', score: 4 }], feedback: 'Clear ask' });
    expect(scored.status).toBe(200);
    expect(scored.body.score).toBe(80);
  });

  it('refuses an oversized, a wrong-type and a cut-off upload with a 400 naming the file, and keeps nothing', async () => {
    const w = await env().workspace();
    const { rep, attempt } = await setup(w);
    const id = await attempt();
    const limit = env().config.practiceMaxUploadBytes;

    const oversized = await upload(rep, id, multipart(webm(limit + 1024), 'audio/webm'));
    expect(oversized.statusCode).toBe(400);
    expect(oversized.json().error.details.fields).toEqual([{ field: 'file', message: expect.stringMatching(/larger than/) }]);

    const claimedText = await upload(rep, id, multipart(Buffer.from('hello'), 'text/plain'));
    expect(claimedText.statusCode).toBe(400);
    expect(claimedText.json().error.details.fields[0]).toMatchObject({ field: 'file', message: expect.stringMatching(/must be audio/) });

    // Claims to be audio, but the bytes are a PNG.
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000)]);
    const lying = await upload(rep, id, multipart(png, 'audio/webm'));
    expect(lying.statusCode).toBe(400);
    expect(lying.json().error.details.fields[0].message).toMatch(/not audio/);

    const cut = await upload(rep, id, multipart(webm(10_000), 'audio/webm', { cut: true }));
    expect(cut.statusCode).toBe(400);
    expect(cut.json().error.details.fields[0]).toMatchObject({ field: 'file', message: expect.stringMatching(/cut off/) });

    const none = await env().app.inject({
      method: 'POST',
      url: `/api/v1/practice-attempts/${id}/recording`,
      headers: { authorization: `Bearer ${rep.token}`, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(none.statusCode).toBe(400);

    expect((await w.as(rep).get(`/api/v1/practice-attempts/${id}`)).body.recording).toBeNull();
    expect((await download(rep, id)).statusCode).toBe(404);
    expect(leftovers(id), 'nothing stored or staged').toEqual([]);
    // And after all that, a good upload still works: one object, nothing staged.
    expect((await upload(rep, id, multipart(webm(1000), 'audio/webm'))).statusCode).toBe(200);
    expect(leftovers(id)).toHaveLength(1);
  });
}
