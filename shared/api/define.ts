import type { z } from 'zod';

/**
 * A handler declaration: the zod schema of its input and, at the type level only, its result.
 * Curried so that the result type can be named while the schema type is inferred:
 * `defineHandler<VaultStatus>()(z.object({}))`.
 */
export interface HandlerDefinition<Schema extends z.ZodType, ResultValue> {
  input: Schema;
  /** Phantom field: never read at run time, it carries the result type. */
  readonly result?: ResultValue;
}

export function defineHandler<ResultValue>() {
  return <Schema extends z.ZodType>(input: Schema): HandlerDefinition<Schema, ResultValue> => ({ input });
}
