/**
 * Text an attacker would plant in a record to take over the terminal that shows it: clear the screen, retitle the
 * window, plant a hyperlink, colour itself red, return the cursor and overwrite, backspace, NUL, a C1 CSI and a
 * right-to-left override.
 */
export const canary = "\u001b[2J\u001b]0;pwned\u0007\u001b]8;;http://evil.example\u0007link\u001b]8;;\u0007\u001b[31mred\r\b\u0000\u009b2J\u202eevil"

/** The canary as the TUI draws it. */
export const shownCanary = "␛[2J␛]0;pwned␇␛]8;;http://evil.example␇link␛]8;;␇␛[31mred␍␈␀⟨U+009B⟩2J⟨U+202E⟩evil"

/** Any character that would reach the terminal as control (the frames are drawn without colour, so none is expected). */
// The test's own list, not the code's: C0 but the line feed, DEL, C1, the bidi marks, embeddings, overrides and isolates, U+2028/9.
// biome-ignore lint/complexity/useRegexLiterals: as a literal the linter refuses its control characters
export const rawControl = new RegExp("[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]", "g")
