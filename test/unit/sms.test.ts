import { describe, expect, it } from 'vitest';
import { SMS_MAX_LENGTH, smsSegments } from '../../src/sms';

describe('SMS length and segments', () => {
  it('counts plain text as GSM 7-bit, 160 to one SMS', () => {
    expect(smsSegments('Hallo Frau Müller, ich rufe gleich zurück.')).toMatchObject({
      encoding: 'gsm7',
      length: 42,
      segments: 1,
      perSegment: 160,
      remaining: 118,
      tooLong: false,
    });
    expect(smsSegments('a'.repeat(160))).toMatchObject({ segments: 1, remaining: 0 });
  });

  it('splits into segments of 153 once a message no longer fits one SMS', () => {
    expect(smsSegments('a'.repeat(161))).toMatchObject({ segments: 2, perSegment: 153, remaining: 145 });
    expect(smsSegments('a'.repeat(306))).toMatchObject({ segments: 2, remaining: 0 });
    expect(smsSegments('a'.repeat(307))).toMatchObject({ segments: 3 });
  });

  it('counts the extension table (€, brackets, …) as two septets each', () => {
    expect(smsSegments('10 €')).toMatchObject({ encoding: 'gsm7', length: 5 });
    expect(smsSegments('[a]{b}~|^\\')).toMatchObject({ encoding: 'gsm7', length: 18 });
    expect(smsSegments('€'.repeat(80))).toMatchObject({ length: 160, segments: 1 });
    expect(smsSegments('€'.repeat(81))).toMatchObject({ length: 162, segments: 2 });
  });

  it('switches to UCS-2 (70, then 67 per segment) for any character outside GSM 7-bit', () => {
    expect(smsSegments('Grüße ✓')).toMatchObject({ encoding: 'ucs2', length: 7, perSegment: 70, segments: 1 });
    expect(smsSegments('ł'.repeat(70))).toMatchObject({ segments: 1, remaining: 0 });
    expect(smsSegments('ł'.repeat(71))).toMatchObject({ segments: 2, perSegment: 67, remaining: 63 });
    // An emoji is two UTF-16 code units.
    expect(smsSegments('👍')).toMatchObject({ encoding: 'ucs2', length: 2 });
  });

  it('flags a message over the 460-character limit before it is sent', () => {
    expect(SMS_MAX_LENGTH).toBe(460);
    expect(smsSegments('a'.repeat(460))).toMatchObject({ tooLong: false, segments: 4 });
    expect(smsSegments('a'.repeat(461))).toMatchObject({ tooLong: true, maxLength: 460 });
    expect(smsSegments('a'.repeat(100), 50)).toMatchObject({ tooLong: true, maxLength: 50 });
  });

  it('treats an empty message as no segments with a whole SMS of room', () => {
    expect(smsSegments('')).toEqual({
      encoding: 'gsm7',
      length: 0,
      segments: 0,
      perSegment: 160,
      remaining: 160,
      maxLength: 460,
      tooLong: false,
    });
  });
});
