/**
 * Schema's account of a value it could not decode ends "Expected <what>, actual <the value>". Decoding a stored record
 * that no longer fits its schema (a child's name kept with a trailing space, a date written by an older version) would
 * write the value (a child's name, a parent's) into the log, which must never hold a child's data (STAT-GDPR). In a
 * JSON log line, each such value, up to the end of its line (`\n`) or of its string, is replaced; the path to the field
 * and what was expected stay, for whoever mends the record.
 */
const actualValue = /(, actual )(?:[^"\\]|\\.)*?(?=\\n|"|$)/g

/** A JSON log line without the values Schema quotes in what it could not decode. */
export const withoutValues = (line: string): string => line.replace(actualValue, "$1(value not logged)")
