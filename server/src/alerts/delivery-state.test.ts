import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DeliveryState } from './delivery-state.ts';

describe('DeliveryState', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('records a delivery once with its body, its attempts, and keeps them across a reopen', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pf-delivery-'));
    dirs.push(dir);
    const file = path.join(dir, 'state.duckdb');
    const key = { subscription: 'nel', release: 'r2', channel: 'webhook' } as const;
    const state = await DeliveryState.open(file);
    const first = await state.begin(key, 'r1', async () => '{"a":1}');
    expect(first).toMatchObject({ ...key, previous_release: 'r1', status: 'pending', attempts: 0, last_error: null, delivered_at: null, body: '{"a":1}' });
    // A second begin keeps the first body: the payload is built once.
    expect((await state.begin(key, 'r1', async () => '{"a":2}')).body).toBe('{"a":1}');
    await state.record(key, { status: 'pending', attempts: 1, lastError: 'answered 503', deliveredAt: null });
    await state.begin({ ...key, channel: 'email' }, 'r1', async () => '{}');
    expect((await state.pending()).map((r) => [r.channel, r.attempts, r.last_error])).toEqual([['email', 0, null], ['webhook', 1, 'answered 503']]);
    state.close();

    const reopened = await DeliveryState.open(file);
    await reopened.record(key, { status: 'delivered', attempts: 2, lastError: null, deliveredAt: '2025-04-01T09:00:00.000Z' });
    expect(await reopened.get(key)).toMatchObject({ status: 'delivered', attempts: 2, delivered_at: '2025-04-01T09:00:00.000Z', body: '{"a":1}' });
    expect((await reopened.pending()).map((r) => r.channel)).toEqual(['email']);
    expect(await reopened.get({ ...key, release: 'r3' })).toBeNull();
    reopened.close();
  });

  it('refuses a channel that is not one', async () => {
    const state = await DeliveryState.open(':memory:');
    await expect(state.begin({ subscription: 's', release: 'r', channel: 'pigeon' as 'email' }, 'r0', async () => '{}')).rejects.toThrow(/CHECK constraint/i);
    state.close();
  });
});
