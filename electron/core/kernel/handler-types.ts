import type { HandlerName, Output, ParsedInput } from '../../../shared/api';

/** The implementation of a set of handlers: validated input in, result value out (or a CoreError thrown). */
export type HandlerImplementations<K extends HandlerName> = {
  [Name in K]: (input: ParsedInput<Name>) => Promise<Output<Name>> | Output<Name>;
};
