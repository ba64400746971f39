import type { Database } from 'better-sqlite3';

/**
 * Drops `table` when it exists without `column`: a read-model table from before the version that
 * added the column. The version change then replays the projection into the recreated table.
 */
export const dropTableWithout = (db: Database, table: string, column: string): void => {
  const columns = columnsOf(db, table);
  if (columns.length > 0 && !columns.includes(column)) db.exec(`DROP TABLE ${table}`);
};

/**
 * Drops `table` when it has `column`: a read-model table from before the version that removed
 * the column. The version change then replays the projection into the recreated table.
 */
export const dropTableWith = (db: Database, table: string, column: string): void => {
  if (columnsOf(db, table).includes(column)) db.exec(`DROP TABLE ${table}`);
};

const columnsOf = (db: Database, table: string): string[] =>
  db.prepare<[string], string>('SELECT name FROM pragma_table_info(?)').pluck().all(table);
