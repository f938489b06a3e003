import { api, isHandlerName, type HandlerName, type Result } from '../../../shared/api';

export interface ValidCall {
  name: HandlerName;
  /** The input after validation, with the schema's defaults applied. */
  input: unknown;
}

/**
 * The boundary check of every call, whichever thread receives it: a known name and an input its
 * schema accepts. The renderer is not trusted, so neither is anything here.
 */
export function validateCall(name: unknown, rawInput: unknown): Result<ValidCall> {
  if (!isHandlerName(name)) return { ok: false, error: { code: 'UNKNOWN_HANDLER', message: `unknown handler ${String(name)}` } };
  const parsed = api[name].input.safeParse(rawInput ?? {});
  if (parsed.success) return { ok: true, value: { name, input: parsed.data } };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    error: {
      code: 'INVALID_INPUT',
      message: `${name}: ${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'invalid'}`,
      // The field and the stable reason code (shared/domain/validation.ts) the UI translates.
      details: { field: issue?.path.join('.') ?? null, reason: issue?.message ?? null },
    },
  };
}
