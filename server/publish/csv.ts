// CSV as spreadsheets read it: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte order mark
// so Excel shows "ingérence" and "Sergueï" rather than mojibake.

export type CsvValue = string | number | null | undefined;

const BOM = '\uFEFF';

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * One cell. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start)
 * gets a leading apostrophe (OWASP's advice against CSV injection); numbers are left alone.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
