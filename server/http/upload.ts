// Reads the import form, which may carry a file (multipart/form-data). A file over the size
// limit is cut off and marked, never buffered whole, and the rest of the form is still read, so
// the editor gets the form back with what they typed.
import busboy from 'busboy';
import type { Request } from 'express';

export type UploadedFile = { name: string; bytes: Buffer; truncated: boolean };
export type ImportForm = { fields: Record<string, string>; file: UploadedFile | null };

const MAX_FIELD = 4 * 1024 * 1024;

export function readImportForm(req: Request, maxFileBytes: number): Promise<ImportForm> {
  if (!req.is('multipart/form-data')) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string') fields[k] = v;
    return Promise.resolve({ fields, file: null });
  }
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let file: UploadedFile | null = null;
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { fileSize: maxFileBytes, files: 1, fields: 30, fieldSize: MAX_FIELD } });
    } catch (error) {
      reject(Object.assign(error as Error, { status: 400 }));
      return;
    }
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('close', () => {
        // An empty file input still sends a part with no name and no bytes.
        if (name === 'file' && (info.filename || chunks.length)) {
          file = { name: info.filename ?? '', bytes: Buffer.concat(chunks), truncated: (stream as unknown as { truncated?: boolean }).truncated === true };
        }
      });
    });
    parser.on('error', (error: Error) => reject(Object.assign(error, { status: 400 })));
    parser.on('close', () => resolve({ fields, file }));
    req.pipe(parser);
  });
}
