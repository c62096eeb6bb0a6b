import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { safeText } from "../../src/ui/safeText.js"
import { rawControl } from "./canary.js"

const srcDir = fileURLToPath(new URL("../../src", import.meta.url))
const sourceFiles = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)]))

describe("safeText", () => {
  it("leaves no character that a terminal takes as control, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom("\u001b", "\r", "\b", "\u0000", "\u0007", "\u009b", "\u202e", "\u2066", "\u2028", "\t", "\n"), fc.string({ unit: "binary", minLength: 1, maxLength: 1 })) }), (text) => {
        expect(safeText(text).match(rawControl)).toBeNull()
      }),
      { numRuns: 2000 }
    )
  })

  it("keeps every other character as it is, and the line breaks Ink lays out itself", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const clean = text.replace(rawControl, "")
        expect(safeText(clean)).toBe(clean)
      })
    )
    expect(safeText("Ivo Drummond\nwx-child-10 · ‼ overdue ✓ 👩‍👩‍👧")).toBe("Ivo Drummond\nwx-child-10 · ‼ overdue ✓ 👩‍👩‍👧")
  })

  it("shows each control as a visible stand-in, so the record still shows that it holds one", () => {
    expect(safeText("a\u001b[2Jb\r\u0000\u0007\u007f\u009b\u202ec\td")).toBe("a␛[2Jb␍␀␇␡⟨U+009B⟩⟨U+202E⟩c d")
  })

  it("is the only way the TUI draws text: no module draws with Ink's own Text", () => {
    const drawingWithInk = sourceFiles(srcDir).filter((file) => /import\s*\{[^}]*\bText\b[^}]*\}\s*from\s*"ink"/.test(readFileSync(file, "utf8")))
    expect(drawingWithInk.map((file) => file.slice(srcDir.length + 1))).toEqual(["ui/Text.tsx"])
  })
})
