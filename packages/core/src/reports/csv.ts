/** What a CSV cell may hold: absent values are empty cells. */
export type CsvCell = string | number | boolean | null | undefined
export type CsvRow = { readonly [column: string]: CsvCell }

/**
 * Characters a spreadsheet reads as the start of a formula (= + - @), and the tab and carriage return some also
 * do (OWASP's CSV injection advice): a text cell starting with one gets a leading single quote, so it shows as
 * text and is never run. Numbers are written as numbers: -3 is a number, not a formula.
 */
const formulaStart = /^[=+\-@\t\r]/

const text = (cell: CsvCell): string => {
  if (cell === undefined || cell === null) return ""
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : ""
  if (typeof cell === "boolean") return cell ? "true" : "false"
  return formulaStart.test(cell) ? `'${cell}` : cell
}

/** RFC 4180: a field with a comma, a double quote, CR or LF is enclosed in double quotes, its quotes doubled. */
const field = (cell: CsvCell): string => {
  const value = text(cell)
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/**
 * Rows as CSV (RFC 4180): a header row, then one record per row, every line ending CRLF. The columns are `columns`
 * when given, otherwise every key of the rows in the order first seen; a row without a column has an empty cell.
 * Header names are quoted and guarded like any other text. No rows and no columns: an empty string.
 */
export const toCsv = (rows: ReadonlyArray<CsvRow>, columns?: ReadonlyArray<string>): string => {
  const header = columns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))]
  if (header.length === 0) return ""
  const line = (cells: ReadonlyArray<CsvCell>) => `${cells.map(field).join(",")}\r\n`
  return line(header) + rows.map((row) => line(header.map((column) => row[column]))).join("")
}

/** A row schema's columns, in its declared order: the header of a table that may have no rows. */
export const columnsOf = (schema: { readonly fields: Readonly<Record<string, unknown>> }): ReadonlyArray<string> => Object.keys(schema.fields)
