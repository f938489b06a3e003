import type { Connection } from '../connection';

export interface Migration {
  /** The `PRAGMA user_version` the vault has after this migration. */
  version: number;
  name: string;
  up(db: Connection): void;
}
