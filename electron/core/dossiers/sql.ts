/** A statement with its positional parameters. */
export interface SqlQuery {
  sql: string;
  params: unknown[];
}

export interface FieldChange {
  /** The API's name, for the audit entry. */
  field: string;
  column: string;
  value: unknown;
}

/**
 * The fields an update handler was given, with their columns. Left out (undefined) means "leave
 * as it is"; null clears. Booleans are stored as 0/1.
 */
export function changedFields<Input extends Record<string, unknown>>(input: Input, columnOf: { readonly [Field in keyof Input]?: string }): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, column] of Object.entries(columnOf) as Array<[keyof Input & string, string]>) {
    const value = input[field];
    if (value === undefined) continue;
    changes.push({ field, column, value: typeof value === 'boolean' ? Number(value) : value });
  }
  return changes;
}
