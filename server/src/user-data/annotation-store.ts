import { annotationSql, annotationsSql, deleteAnnotationSql, insertAnnotationSql, type AnnotationReach, type AnnotationRow } from '@pathfinder/metrics';
import type { UserDataFile } from './user-data-file.ts';

/** The annotations of the user-data file. A write has reached the file's log when its promise settles. */
export class AnnotationStore {
  constructor(private readonly file: UserDataFile) {}

  async insert(row: AnnotationRow): Promise<void> {
    await this.file.runner.all(insertAnnotationSql(row));
  }

  list(reach: AnnotationReach, filter: { readonly indicatorId?: string; readonly areaCode?: string }): Promise<AnnotationRow[]> {
    return this.file.runner.all<AnnotationRow & Record<string, unknown>>(annotationsSql(reach, filter));
  }

  async get(id: string): Promise<AnnotationRow | null> {
    const [row] = await this.file.runner.all<AnnotationRow & Record<string, unknown>>(annotationSql(id));
    return row ?? null;
  }

  async delete(id: string): Promise<void> {
    await this.file.runner.all(deleteAnnotationSql(id));
  }
}
