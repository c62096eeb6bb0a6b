/** One schema change: the same intent written for each dialect, one SQL statement per array entry. */
export interface Migration {
  readonly sqlite: ReadonlyArray<string>
  readonly pg: ReadonlyArray<string>
}
