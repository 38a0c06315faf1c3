import { insertSnapshotSql, snapshotSql, type SnapshotRow } from '@pathfinder/metrics';
import { randomId } from './random-id.ts';
import type { UserDataFile } from './user-data-file.ts';

const SNAPSHOT_ID_LENGTH = 10;

/** The snapshots of the user-data file: short random ids for a dashboard view and its release. */
export class SnapshotStore {
  constructor(private readonly file: UserDataFile) {}

  /** Stores the snapshot under a new id (drawn again in the unlikely case it is taken) and returns it. */
  async create(view: string, release: string, now: Date): Promise<SnapshotRow> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const row = { id: randomId(SNAPSHOT_ID_LENGTH), view, release, created_at: now.toISOString() };
      const stored = await this.file.runner.all(insertSnapshotSql(row));
      if (stored.length === 1) return row;
    }
    throw new Error('no free snapshot id after 5 draws');
  }

  async get(id: string): Promise<SnapshotRow | null> {
    const [row] = await this.file.runner.all<SnapshotRow & Record<string, unknown>>(snapshotSql(id));
    return row ?? null;
  }
}
