import { describe, expect, it } from 'vitest';
import { objectUrl } from './recording-store-s3.js';

describe('objectUrl', () => {
  const base = { endpoint: 'https://s3.eu-west-3.amazonaws.com', bucket: 'furrow-pitches', prefix: 'team a/' };
  it('puts the bucket in the host (virtual-hosted) or the path (path style), the key encoded once', () => {
    expect(objectUrl({ ...base, pathStyle: false }, 'x-1').href).toBe('https://furrow-pitches.s3.eu-west-3.amazonaws.com/team%20a/x-1');
    expect(objectUrl({ ...base, endpoint: 'http://127.0.0.1:9000', pathStyle: true }, 'x-1').href).toBe('http://127.0.0.1:9000/furrow-pitches/team%20a/x-1');
  });
});
