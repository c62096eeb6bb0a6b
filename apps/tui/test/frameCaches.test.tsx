import fc from "fast-check"
import { Text } from "ink"
import { render } from "ink-testing-library"
import { afterAll, describe, expect, it } from "vitest"
import { inkOutput, inkVersion, installFrameCaches, patchedInkVersion, uninstallFrameCaches } from "../src/ui/frameCaches.js"

// What Ink writes into a frame: plain and styled text (bold, dim, inverse, colour, resets), symbols the screens use,
// wide characters, emoji and characters of no width, in lines at any place, some clipped top and bottom (as the screen is), some sideways.
const piece = fc.constantFrom("a", "Jo", " ", "  ", "‼", "›", "·", "✓", "…", "漢字", "👍", "e\u0301", "\u200b", "\x1b[1m", "\x1b[22m", "\x1b[2m", "\x1b[7m", "\x1b[27m", "\x1b[31m", "\x1b[39m", "\x1b[0m")
const line = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(""))
const clip = fc.record({ y1: fc.integer({ min: -2, max: 8 }), y2: fc.integer({ min: -2, max: 10 }) })
const operation = fc.oneof(
  fc.record({
    type: fc.constant("write" as const),
    x: fc.integer({ min: -3, max: 24 }),
    y: fc.integer({ min: -3, max: 10 }),
    lines: fc.array(line, { minLength: 1, maxLength: 4 }),
    shout: fc.boolean()
  }),
  fc.record({ type: fc.constant("clip" as const), clip, sideways: fc.boolean() }),
  fc.record({ type: fc.constant("unclip" as const) })
)
const frame = fc.record({ width: fc.integer({ min: 1, max: 24 }), height: fc.integer({ min: 1, max: 8 }), operations: fc.array(operation, { maxLength: 10 }) })
type Frame = typeof frame extends fc.Arbitrary<infer A> ? A : never

const shout = (text: string) => text.toUpperCase()

const Output = (await inkOutput()) as any

const draw = ({ width, height, operations }: Frame): unknown => {
  const output = new Output({ width, height })
  for (const op of operations) {
    if (op.type === "write") output.write(op.x, op.y, op.lines.join("\n"), { transformers: op.shout ? [shout] : [] })
    if (op.type === "clip") output.clip(op.sideways ? { ...op.clip, x1: 2, x2: 10 } : op.clip)
    if (op.type === "unclip") output.unclip()
  }
  return output.get()
}

describe("Ink's frames drawn with caches kept across frames", () => {
  afterAll(async () => {
    await installFrameCaches()
  })

  it(`is in use: Ink is ${patchedInkVersion}, the version it was written for (on another, re-check src/ui/frameCaches.ts against Ink's Output)`, async () => {
    expect(inkVersion()).toBe(patchedInkVersion)
    expect(await installFrameCaches()).toBe(true)
    // The class changed is the one Ink draws with: a frame rendered through Ink goes through it.
    const get = Output.prototype.get
    let drawn = 0
    Output.prototype.get = function (this: unknown) {
      drawn++
      return get.call(this)
    }
    try {
      const app = render(<Text>‼ overdue</Text>)
      expect(app.lastFrame()).toBe("‼ overdue")
      app.unmount()
    } finally {
      Output.prototype.get = get
    }
    expect(drawn).toBeGreaterThan(0)
  })

  it("draws the same text as Ink's own, for any writes, styles, wide characters and clips, the first time and again", async () => {
    await fc.assert(
      fc.asyncProperty(frame, async (written) => {
        uninstallFrameCaches()
        const inks = draw(written)
        await installFrameCaches()
        expect(draw(written)).toEqual(inks)
        expect(draw(written)).toEqual(inks)
      }),
      { numRuns: 300 }
    )
  })
})
