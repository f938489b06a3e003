import crypto from 'node:crypto';
import type { Connection } from '../../electron/core/vault/connection';

/** One entry of sqlite_schema, its SQL normalised so that layout and comments do not count. */
export interface SchemaEntry {
  type: string;
  name: string;
  table: string;
  sql: string | null;
}

export type TableRows = Record<string, string[]>;

/**
 * Seeded values that are random per vault (the bundle identity's private keys): only their size
 * is compared, so that two vaults with the same seeds dump the same.
 */
const RANDOM_SEED_COLUMNS: Readonly<Record<string, readonly string[]>> = { vault_secret: ['value'] };

/**
 * SQL as SQLite stored it, without `--` comments and with every run of whitespace made one
 * space. Quoted literals and identifiers are copied as they are: a comment marker inside a string
 * is text, not a comment.
 */
export function normalizeSql(sql: string): string {
  let out = '';
  let index = 0;
  while (index < sql.length) {
    const char = sql[index]!;
    if (char === "'" || char === '"' || char === '`' || char === '[') {
      const close = char === '[' ? ']' : char;
      let end = index + 1;
      while (end < sql.length) {
        if (sql[end] === close) {
          if (close !== ']' && sql[end + 1] === close) {
            end += 2;
            continue;
          }
          break;
        }
        end++;
      }
      out += sql.slice(index, end + 1);
      index = end + 1;
    } else if (char === '-' && sql[index + 1] === '-') {
      const newline = sql.indexOf('\n', index);
      index = newline === -1 ? sql.length : newline;
      out += ' ';
    } else if (/\s/.test(char)) {
      out += ' ';
      index++;
    } else {
      out += char;
      index++;
    }
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/** Tables, indexes, triggers and views in a stable order; the pages they happen to sit on do not count. */
export function schemaOf(db: Connection): SchemaEntry[] {
  const rows = db.prepare('SELECT type, name, tbl_name AS "table", sql FROM sqlite_schema ORDER BY type, name').all() as SchemaEntry[];
  return rows.map((row) => ({ ...row, sql: row.sql === null ? null : normalizeSql(row.sql) }));
}

interface TableInfo {
  name: string;
  type: 'table' | 'virtual' | 'shadow' | 'view';
}

/** The stored tables (ordinary and the shadow tables of FTS5), without SQLite's own. */
export function tablesOf(db: Connection): TableInfo[] {
  return (db.pragma('table_list') as Array<TableInfo & { schema: string }>)
    .filter((table) => table.schema === 'main' && !table.name.startsWith('sqlite_') && (table.type === 'table' || table.type === 'shadow'))
    .map(({ name, type }) => ({ name, type }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function columnsOf(db: Connection, table: string): string[] {
  return (db.pragma(`table_xinfo("${table}")`) as Array<{ name: string; hidden: number }>).filter((column) => column.hidden === 0).map((column) => column.name);
}

function describeValue(table: string, column: string, value: unknown): unknown {
  if (!Buffer.isBuffer(value)) return value;
  if (RANDOM_SEED_COLUMNS[table]?.includes(column)) return `blob(${value.length})`;
  return `blob(${value.length}) sha256:${crypto.createHash('sha256').update(value).digest('hex')}`;
}

/** One row as a JSON line: the values of `columns`, taken by name from `row`. */
export function describeRow(table: string, columns: readonly string[], row: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(columns.map((column) => describeValue(table, column, row[column])));
}

/** Every row of a table with all its columns, as SQLite returns them. */
export function recordsOf(db: Connection, table: string): Array<Record<string, unknown>> {
  const list = columnsOf(db, table)
    .map((column) => `"${column}"`)
    .join(', ');
  return db.prepare(`SELECT ${list} FROM "${table}"`).all() as Array<Record<string, unknown>>;
}

/**
 * Every row of a table as one JSON line per row (columns by name, in the order given), sorted, so
 * that rows compare as a multiset whatever order or rowids they were written in.
 */
export function rowsOf(db: Connection, table: string, columns: readonly string[] = columnsOf(db, table)): string[] {
  return recordsOf(db, table)
    .map((row) => describeRow(table, columns, row))
    .sort();
}

/** The rows of every table that holds any: in a vault that only ran its migrations, that is what they seed. */
export function nonEmptyTableRows(db: Connection): TableRows {
  const result: TableRows = {};
  for (const { name } of tablesOf(db)) {
    const rows = rowsOf(db, name);
    if (rows.length > 0) result[name] = rows;
  }
  return result;
}

/** Rows of `all` that are not in `minus`, counted as a multiset (both sorted or not). */
export function rowsWithout(all: readonly string[], minus: readonly string[]): string[] {
  const remaining = new Map<string, number>();
  for (const row of minus) remaining.set(row, (remaining.get(row) ?? 0) + 1);
  const result: string[] = [];
  for (const row of all) {
    const count = remaining.get(row) ?? 0;
    if (count > 0) remaining.set(row, count - 1);
    else result.push(row);
  }
  return result;
}
