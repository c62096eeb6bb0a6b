import type { Key } from "ink"

const controlKeys = /[\t\r\n\x7f\b]/
const pieces = /\r\n|[\t\r\n\x7f\b]|[^\t\r\n\x7f\b]+/g
const lineEnd = /\r\n|\r|\n/
/** Tabs and line ends after the last text of a read: keys pressed after typing, not part of a paste. */
const keysAfterText = /(?:\r\n|[\t\r\n])+$/

/** The key with every flag off: plain text. */
const plain = (key: Key): Key => Object.fromEntries(Object.entries(key).map(([name, value]) => [name, typeof value === "boolean" ? false : value])) as unknown as Key

/**
 * The keys in one read of the terminal, one by one. Ink hands over whatever one read brought, and a held key (backspace
 * repeating), keys pressed faster than the screen is drawn, tmux or a slow link bring several at once: "\x7f\x7f\x7f"
 * was typed into the field as three DEL characters instead of deleting three, and tabs as blanks instead of moving on.
 * Text in the read (typed fast, or pasted) stays one piece: its line ends and tabs become spaces, so a pasted paragraph
 * stays in its field; tabs and line ends at the very end of the read are still the tab or enter pressed after typing.
 */
export const keysIn = (input: string, key: Key): ReadonlyArray<readonly [string, Key]> => {
  if (input.length <= 1 || !controlKeys.test(input)) return [[input, key]]
  const none = plain(key)
  const hasText = /[^\t\r\n\x7f\b]/.test(input)
  const after = hasText ? (keysAfterText.exec(input)?.[0] ?? "") : ""
  const text = hasText ? input.slice(0, input.length - after.length).replace(/\r\n|[\t\r\n]/g, " ") : input
  return `${text}${after}`.match(pieces)!.map((piece) => {
    if (piece === "\t") return ["", { ...none, tab: true }] as const
    if (lineEnd.test(piece) && piece.trim() === "") return ["", { ...none, return: true }] as const
    if (piece === "\x7f" || piece === "\b") return ["", { ...none, backspace: true }] as const
    return [piece, none] as const
  })
}
