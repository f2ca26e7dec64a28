import { Invalid } from '../errors.ts';

// Why an import was refused. Each code is a message key (server/i18n/messages/import.ts), so
// the form can say it in the editor's language; `message` is the English text for logs and CLIs.
export type ImportProblemCode =
  | 'import.error.noInput'
  | 'import.error.severalInputs'
  | 'import.error.empty'
  | 'import.error.tooLarge'
  | 'import.error.binary'
  | 'import.error.encoding'
  | 'import.error.fileType'
  | 'import.error.noText'
  | 'import.error.url'
  | 'import.error.privateAddress'
  | 'import.error.unreachable'
  | 'import.error.timeout'
  | 'import.error.httpStatus'
  | 'import.error.contentType'
  | 'import.error.redirects'
  | 'import.error.title'
  | 'import.error.date'
  | 'import.error.language';

/** Input an import cannot use: nothing is stored, and the form says why (422). */
export class ImportProblem extends Invalid {
  override name = 'ImportProblem';
  constructor(
    readonly code: ImportProblemCode,
    message: string,
    readonly params: Record<string, string | number> = {},
    readonly field: 'text' | 'file' | 'url' | 'title' | 'publishedOn' | 'language' = 'text',
  ) {
    super(message, { [field]: message });
  }
}
