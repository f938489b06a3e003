import { z } from 'zod';

/** Why the user is choosing a file: decides between a save and an open dialog, and its title. */
export const FILE_CHOICE_PURPOSES = [
  'create-vault',
  'open-vault',
  'backup',
  'attachment-import',
  'attachment-export',
  'bundle-export',
  'bundle-import',
  'partner-card-export',
  'partner-card-import',
  'age-identity-export',
  'document-export',
  'report-export',
] as const;
export type FileChoicePurpose = (typeof FILE_CHOICE_PURPOSES)[number];

/**
 * A request for the native file dialog. Checked in the Electron main process like any other input
 * from the renderer: strict, a path of the same bounds as a vault path, never a NUL byte.
 */
export const fileChoiceRequestSchema = z
  .object({
    purpose: z.enum(FILE_CHOICE_PURPOSES),
    defaultPath: z
      .string()
      .max(4096)
      .refine((value) => !value.includes('\0'), 'NUL in pad')
      .optional(),
  })
  .strict();

export type FileChoiceRequest = z.infer<typeof fileChoiceRequestSchema>;
