import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { USER_DATA_MIGRATIONS, createAlertDeliveriesSql, setUserDataVersionSql, insertPendingDeliverySql, recordDeliveryAttemptSql } from '@pathfinder/metrics';
import { DeliveryState } from '../alerts/delivery-state.ts';
import { duckDbRunner } from '../store/duckdb-runner.ts';
import { AnnotationStore } from './annotation-store.ts';
import { SnapshotStore } from './snapshot-store.ts';
import { UserDataFile } from './user-data-file.ts';

describe('UserDataFile', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
  const tempDir = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pf-user-data-'));
    dirs.push(dir);
    return dir;
  };

  it('creates every table at the current version once, and keeps what was written across a reopen', async () => {
    const file = path.join(await tempDir(), 'user-data.duckdb');
    const first = await UserDataFile.open(file);
    expect(await first.version()).toBe(USER_DATA_MIGRATIONS.length);
    const deliveries = DeliveryState.of(first);
    await deliveries.begin({ subscription: 's', release: 'r2', channel: 'webhook' }, 'r1', async () => '{}');
    const snapshot = await new SnapshotStore(first).create('/?release=r2', 'r2', new Date('2025-04-01T00:00:00Z'));
    await new AnnotationStore(first).insert({ id: 'abcdefghijkl', indicator_id: 'imm-mmr1-24m', area_code: 'E09000012', area_type: 'borough', area_icb: 'E54000029', date: '2025-03-01', text: 'clinic', public: false, author_subject: 'x', author_role: 'ics', author_icb: 'E54000029', created_at: '2025-04-01T00:00:00.000Z' });
    first.close();

    const again = await UserDataFile.open(file);
    expect(await again.version()).toBe(USER_DATA_MIGRATIONS.length);
    expect((await DeliveryState.of(again).pending()).map((r) => r.release)).toEqual(['r2']);
    expect(await new SnapshotStore(again).get(snapshot.id)).toEqual(snapshot);
    expect((await new AnnotationStore(again).list({ kind: 'all' }, {})).map((a) => [a.id, a.text, a.public])).toEqual([['abcdefghijkl', 'clinic', false]]);
    again.close();
  });

  it('refuses a file written by a newer version, naming it', async () => {
    const file = path.join(await tempDir(), 'newer.duckdb');
    (await UserDataFile.open(file)).close();
    const instance = await DuckDBInstance.create(file);
    const connection = await instance.connect();
    await duckDbRunner([connection]).all(setUserDataVersionSql(USER_DATA_MIGRATIONS.length + 1));
    connection.closeSync();
    instance.closeSync();
    await expect(UserDataFile.open(file)).rejects.toThrow(/newer\.duckdb is at schema version 2, newer than this server knows \(1\)/);
  });

  it('copies the deliveries of the former alert-deliveries file into a new file, and only into a new one', async () => {
    const dir = await tempDir();
    const legacy = path.join(dir, 'alert-deliveries.duckdb');
    const instance = await DuckDBInstance.create(legacy);
    const connection = await instance.connect();
    const runner = duckDbRunner([connection]);
    const key = { subscription: 'nel', release: 'r2', channel: 'webhook' } as const;
    await runner.all(createAlertDeliveriesSql());
    await runner.all(insertPendingDeliverySql(key, 'r1', '{"a":1}'));
    await runner.all(recordDeliveryAttemptSql(key, { status: 'delivered', attempts: 1, lastError: null, deliveredAt: '2025-04-01T09:00:00.000Z' }));
    connection.closeSync();
    instance.closeSync();

    const file = path.join(dir, 'user-data.duckdb');
    const opened = await UserDataFile.open(file, { legacyDeliveries: legacy });
    expect(await DeliveryState.of(opened).get(key)).toMatchObject({ status: 'delivered', attempts: 1, body: '{"a":1}' });
    await DeliveryState.of(opened).record(key, { status: 'delivered', attempts: 2, lastError: null, deliveredAt: '2025-04-02T09:00:00.000Z' });
    opened.close();
    // Opened again, the file is not new: the former file is not read over what it holds now.
    const reopened = await UserDataFile.open(file, { legacyDeliveries: legacy });
    expect(await DeliveryState.of(reopened).get(key)).toMatchObject({ attempts: 2 });
    reopened.close();
  });
});
