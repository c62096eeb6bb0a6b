import { Schema } from "effect"

/**
 * The decision sheet sent to a child's file cannot be made again exactly: made from the record as it stood before
 * the upload, it no longer has the hash that was sent (something recorded at the same moment). Nothing is returned
 * rather than a sheet other than the one filed.
 */
export class FiledSheetChanged extends Schema.TaggedError<FiledSheetChanged>()("FiledSheetChanged", { message: Schema.String }) {}
