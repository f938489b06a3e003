/** Command-line arguments for kluis: options and flags are taken out of the list, what remains is positional. */

/** Misuse of the command line: the message (or the usage) on stderr, exit code 2. */
export class UsageError extends Error {}

/** A failure the CLI words itself (one Dutch line, exit code 1). */
export class CheckFailure extends Error {}

export function takeOption(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = args[index + 1];
  if (value === undefined) throw new UsageError(`${name} heeft een waarde nodig.`);
  args.splice(index, 2);
  return value;
}

/** Every value of an option that may be given more than once (`--dossier 2025-0001 --dossier 2025-0002`). */
export function takeOptions(args: string[], name: string): string[] {
  const values: string[] = [];
  for (let value = takeOption(args, name); value !== undefined; value = takeOption(args, name)) values.push(value);
  return values;
}

export function takeFlag(args: string[], name: string): boolean {
  const index = args.indexOf(name);
  if (index >= 0) args.splice(index, 1);
  return index >= 0;
}

export function positional(args: string[], count: number, usage: string): string[] {
  if (args.length !== count || args.some((arg) => arg.startsWith('--'))) throw new UsageError(usage);
  return args;
}
