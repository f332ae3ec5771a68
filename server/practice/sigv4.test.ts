// The signer against AWS's published vectors: the SigV4 test suite (get-vanilla,
// get-vanilla-query-order-key-case, post-vanilla) and the S3 API reference's worked examples
// ("Signature Calculations for the Authorization Header": GET Object, PUT Object, GET Bucket).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EMPTY_SHA256, signV4 } from './sigv4.js';

const suite = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', region: 'us-east-1', service: 'service' };
const suiteAt = new Date('2015-08-30T12:36:00Z');
const s3 = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1', service: 's3' };
const s3At = new Date('2013-05-24T00:00:00Z');
const signatureOf = (headers: Record<string, string>) => /Signature=([0-9a-f]{64})$/.exec(headers.authorization ?? '')?.[1];

describe('signV4', () => {
  it('reproduces the SigV4 test suite', () => {
    const get = signV4({ method: 'GET', url: new URL('https://example.amazonaws.com/'), headers: {}, payloadHash: EMPTY_SHA256 }, suite, suiteAt);
    expect(get['x-amz-date']).toBe('20150830T123600Z');
    expect(get.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
    const query = new URL('https://example.amazonaws.com/?Param2=value2&Param1=value1');
    expect(signatureOf(signV4({ method: 'GET', url: query, headers: {}, payloadHash: EMPTY_SHA256 }, suite, suiteAt))).toBe(
      'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500',
    );
    const post = signV4({ method: 'POST', url: new URL('https://example.amazonaws.com/'), headers: {}, payloadHash: EMPTY_SHA256 }, suite, suiteAt);
    expect(signatureOf(post)).toBe('5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b');
  });

  it("reproduces the S3 reference's GET Object, PUT Object and GET Bucket examples", () => {
    const host = 'https://examplebucket.s3.amazonaws.com';
    const getObject = signV4(
      { method: 'GET', url: new URL(`${host}/test.txt`), headers: { Range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_SHA256 }, payloadHash: EMPTY_SHA256 },
      s3,
      s3At,
    );
    expect(getObject.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );

    // The key "test$file.text": "$" is encoded in the canonical URI.
    const welcome = createHash('sha256').update('Welcome to Amazon S3.').digest('hex');
    const putObject = signV4(
      {
        method: 'PUT',
        url: new URL(`${host}/test$file.text`),
        headers: { Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY', 'x-amz-content-sha256': welcome },
        payloadHash: welcome,
      },
      s3,
      s3At,
    );
    expect(signatureOf(putObject)).toBe('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');

    const list = signV4(
      { method: 'GET', url: new URL(`${host}/?prefix=J&max-keys=2`), headers: { 'x-amz-content-sha256': EMPTY_SHA256 }, payloadHash: EMPTY_SHA256 },
      s3,
      s3At,
    );
    expect(signatureOf(list)).toBe('34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7');
  });

  it('signs the host with its port, and a different secret gives a different signature', () => {
    const url = new URL('http://127.0.0.1:9000/bucket/a b.webm');
    const one = signV4({ method: 'PUT', url, headers: {}, payloadHash: EMPTY_SHA256 }, s3, s3At);
    expect(one.host).toBe('127.0.0.1:9000');
    const other = signV4({ method: 'PUT', url, headers: {}, payloadHash: EMPTY_SHA256 }, { ...s3, secretAccessKey: 'another' }, s3At);
    expect(signatureOf(other)).not.toBe(signatureOf(one));
  });
});
