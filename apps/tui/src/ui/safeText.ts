/**
 * Text from the store (a child's name, a request's free text, a staff name, a core refusal quoting what was typed)
 * must never reach the terminal as control: ESC starts sequences that clear the screen, retitle the window or plant a
 * hyperlink, CR and BS overwrite what is shown, C1 bytes are CSI to some terminals, and bidi overrides reorder what a
 * person reads. Each is drawn as a visible stand-in instead, so the record still shows that it holds one.
 *
 * C0 controls become their Control Pictures (ESC -> ␛, CR -> ␍, NUL -> ␀), DEL becomes ␡, a tab one space; C1
 * controls, bidi controls and the line and paragraph separators become `⟨U+202E⟩`. A line feed stays: Ink splits
 * lines itself, so it never reaches the terminal inside a line.
 */
/** Matching control characters is the point here (written as a string: the linter refuses them in a literal). */
const terminalControl = "[\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]"
const unsafe = new RegExp(terminalControl, "g")

const standInFor = (character: string): string => {
  const code = character.charCodeAt(0)
  if (code === 0x09) return " "
  if (code < 0x20) return String.fromCharCode(0x2400 + code)
  if (code === 0x7f) return "␡"
  return `⟨U+${code.toString(16).toUpperCase().padStart(4, "0")}⟩`
}

export const safeText = (text: string): string => {
  unsafe.lastIndex = 0
  return unsafe.test(text) ? text.replace(unsafe, standInFor) : text
}
