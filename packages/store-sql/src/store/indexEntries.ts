import type { IndexValue } from "@carepanel/core"

/**
 * How index values are stored in `read_model_index.value`, so that a filter is one exact lookup and
 * matches exactly as the in-memory store does: a scalar matches a filter of the same type and value
 * (`"s:open"`, `"n:3"`, `"b:true"`); an array matches a filter whose string form is one of its elements,
 * so each element is stored as a string, and also as a number or boolean when it is the string form of
 * one (`["3"]` matches the filter `3`). `null` and NaN are not indexed: no filter equals them.
 */
export const filterKey = (value: string | number | boolean): string => {
  switch (typeof value) {
    case "string":
      return `s:${value}`
    case "number":
      return `n:${String(value)}`
    default:
      return `b:${String(value)}`
  }
}

const elementKeys = (element: string): ReadonlyArray<string> => {
  const keys = [`s:${element}`]
  if (String(Number(element)) === element) keys.push(`n:${element}`)
  if (element === "true" || element === "false") keys.push(`b:${element}`)
  return keys
}

/** The distinct (field, value) entries a row's index produces. */
export const indexEntries = (
  index: Readonly<Record<string, IndexValue>>
): ReadonlyArray<{ readonly field: string; readonly value: string }> => {
  const entries: Array<{ field: string; value: string }> = []
  for (const [field, value] of Object.entries(index)) {
    if (value === null || value === undefined || Number.isNaN(value)) continue
    const keys =
      typeof value === "object" ? value.flatMap((element) => elementKeys(String(element))) : [filterKey(value)]
    for (const key of new Set(keys)) entries.push({ field, value: key })
  }
  return entries
}
