import { describe, expect, it } from 'vitest';
import { apiRequestBlock, type ApiRequestData } from './apiRequestBlock';
import { parseSample } from './parseSample';
import { testRecord } from './testRecord';
import type { ResolvedRequest } from '../../request/resolveRequest';

const data = { ...apiRequestBlock.defaults('live'), url: 'https://api.example.com/orders' } as ApiRequestData;
const request: ResolvedRequest = { method: 'GET', url: 'https://api.example.com/orders', headers: [] };
const answer = (status: number, text: string) => ({
  ok: true as const,
  status,
  statusText: '',
  headers: [['Content-Type', 'application/json']] as [string, string][],
  body: { text, bytes: text.length, truncated: false },
  timings: { totalMs: 12 },
  url: request.url,
  redirects: [],
});

describe('testRecord', () => {
  it('saves a 2xx answer as the last test and publishes its fields', () => {
    const r = testRecord(
      { attempts: [{ outcome: '200 OK', waitMs: 0 }], answer: answer(200, '{"order":{"id":7}}') },
      request,
      data,
      new Date('2026-12-03T00:00:00Z'),
    );
    expect(r.lastTest).toMatchObject({ at: '2026-12-03T00:00:00.000Z', response: { status: 200, totalMs: 12, text: '{"order":{"id":7}}' } });
    expect(JSON.stringify(r.published)).toContain('order');
  });
  it('keeps the last shape of the variables when the answer is not 2xx, or there is none', () => {
    expect('published' in testRecord({ attempts: [], answer: answer(500, '{"error":1}') }, request, data, new Date())).toBe(false);
    const failed = testRecord({ attempts: [], error: { code: 'TIMEOUT', message: 'slow' } }, request, data, new Date());
    expect(failed).toEqual({ lastTest: expect.objectContaining({ error: { code: 'TIMEOUT', message: 'slow' } }) });
  });
});

describe('parseSample', () => {
  it('reads each type and says what is wrong', () => {
    expect(parseSample('42', 'number')).toEqual({ value: 42 });
    expect(parseSample('4x', 'number')).toEqual({ error: 'Enter a number' });
    expect(parseSample('[1]', 'array')).toEqual({ value: [1] });
    expect(parseSample('{}', 'array')).toEqual({ error: 'Enter a JSON array' });
    expect(parseSample('true', 'boolean')).toEqual({ value: true });
  });
});
