/** Command-line arguments for kluis: options and flags are taken out of the list, what remains is positional. */

import { spellingsOf, type Flag } from './flags';

/** Misuse of the command line: the message (or the usage) on stderr, exit code 2. */
export class UsageError extends Error {}

/** A failure the CLI words itself (one Dutch line, exit code 1). */
export class CheckFailure extends Error {}

/** Where the flag stands first in the list, under any of its names; -1 when it is absent. */
function indexOfFlag(args: string[], flag: Flag): number {
  const spellings = spellingsOf(flag);
  return args.findIndex((arg) => spellings.includes(arg));
}

export function takeOption(args: string[], flag: Flag): string | undefined {
  const index = indexOfFlag(args, flag);
  if (index < 0) return undefined;
  const value = args[index + 1];
  if (value === undefined) throw new UsageError(`${flag.name} heeft een waarde nodig.`);
  args.splice(index, 2);
  return value;
}

/** Every value of an option that may be given more than once (`--dossier 2025-0001 --dossier 2025-0002`). */
export function takeOptions(args: string[], flag: Flag): string[] {
  const values: string[] = [];
  for (let value = takeOption(args, flag); value !== undefined; value = takeOption(args, flag)) values.push(value);
  return values;
}

export function takeFlag(args: string[], flag: Flag): boolean {
  const index = indexOfFlag(args, flag);
  if (index >= 0) args.splice(index, 1);
  return index >= 0;
}

export function positional(args: string[], count: number, usage: string): string[] {
  if (args.length !== count || args.some((arg) => arg.startsWith('--'))) throw new UsageError(usage);
  return args;
}
