const joinedWith =
  (word: string) =>
  (items: ReadonlyArray<string>): string =>
    items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${word} ${items[items.length - 1]}`

/** "a, b or c" */
export const orList = joinedWith("or")

/** "a, b and c" */
export const andList = joinedWith("and")
