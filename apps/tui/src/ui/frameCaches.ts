import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { pathToFileURL } from "node:url"

/**
 * Ink 6.8 turns each frame into text through a new `Output`, whose caches (each line's styled characters, each
 * string's width) are made anew with it: every keypress tokenised every character on the screen again (a grapheme
 * segmenter per character), then compared the styles of every cell of the terminal with its neighbour's (three Sets
 * a cell), even where nothing is styled. That was about 80% of a keypress at 120x40, and most of its garbage.
 *
 * Here (1) the caches last as long as the process (what they hold is a pure function of the string, and one frame's
 * lines are nearly all the last one's), and (2) a row with no style in it is joined as it is. Everything else is
 * Ink's own `Output.get` step for step, and a frame clipped sideways is left to Ink (the TUI clips only vertically).
 * test/frameCaches.test.tsx holds the two to drawing the same text for any writes, styles, wide characters and clips.
 *
 * Ink does not export `Output`: it is found beside Ink's entry point, and only the version this was written against
 * is changed (any other keeps Ink's own, and the test fails to say so).
 */
export const patchedInkVersion = "6.8.0"

interface StyledChar {
  readonly type: "char"
  readonly value: string
  readonly fullWidth: boolean
  readonly styles: ReadonlyArray<unknown>
}
type Clip = { readonly x1?: number; readonly x2?: number; readonly y1?: number; readonly y2?: number }
type Operation =
  | { readonly type: "write"; readonly x: number; readonly y: number; readonly text: string; readonly transformers: ReadonlyArray<(line: string, index: number) => string> }
  | { readonly type: "clip"; readonly clip: Clip }
  | { readonly type: "unclip" }
interface Caches {
  getStyledChars(line: string): ReadonlyArray<StyledChar>
  getStringWidth(text: string): number
  getWidestLine(text: string): number
}
interface OutputInstance {
  readonly width: number
  readonly height: number
  readonly operations: ReadonlyArray<Operation>
  readonly caches: Caches
}
type Get = (this: OutputInstance) => { readonly output: string; readonly height: number }
interface OutputClass {
  new (size: { readonly width: number; readonly height: number }): OutputInstance
  readonly prototype: { get: Get }
}
type StyledCharsToString = (chars: ReadonlyArray<StyledChar>) => string

const cacheMethods = ["getStyledChars", "getStringWidth", "getWidestLine"] as const

/** Lines and strings kept per cache (a frame holds at most a few hundred); past this it starts again, so a long session
 * scrolling through thousands of rows holds a few megabytes, not one line per row it has shown. */
const capacity = 1024

const inkBuildDir = (): string => dirname(createRequire(import.meta.url).resolve("ink"))

let version: string | undefined
export const inkVersion = (): string =>
  (version ??= (JSON.parse(readFileSync(join(inkBuildDir(), "..", "package.json"), "utf8")) as { readonly version: string }).version)

/** Ink's own `Output` class: the module Ink's renderer imports, so a change to its prototype is one Ink sees. */
export const inkOutput = async (): Promise<OutputClass> =>
  ((await import(pathToFileURL(join(inkBuildDir(), "output.js")).href)) as { readonly default: OutputClass }).default

/** The tokeniser Ink's `Output` uses, resolved from Ink's own directory (the same module, whatever npm hoists). */
const inkStyledCharsToString = async (): Promise<StyledCharsToString> => {
  const manifest = createRequire(join(inkBuildDir(), "output.js")).resolve("@alcalzone/ansi-tokenize/package.json")
  const entry = (JSON.parse(readFileSync(manifest, "utf8")) as { readonly exports: { readonly ".": { readonly import: string } } }).exports["."].import
  return ((await import(pathToFileURL(join(dirname(manifest), entry)).href)) as { readonly styledCharsToString: StyledCharsToString }).styledCharsToString
}

const sharedCache = <A>(compute: (this: unknown, text: string) => A) => {
  const cache = new Map<string, A>()
  return function (this: unknown, text: string): A {
    let value = cache.get(text)
    if (value === undefined) {
      value = compute.call(this, text)
      if (cache.size >= capacity) cache.clear()
      cache.set(text, value)
    }
    return value
  }
}

/** Never changed once made: the cells Ink fills a frame with (Ink makes 4,800 of them for each 120x40 frame). */
const blank: StyledChar = Object.freeze({ type: "char", value: " ", fullWidth: false, styles: Object.freeze([]) })

const clipsSideways = (operation: Operation) => operation.type === "clip" && typeof operation.clip.x1 === "number" && typeof operation.clip.x2 === "number"

const rowText = (row: ReadonlyArray<StyledChar | undefined>, styledCharsToString: StyledCharsToString): string => {
  let text = ""
  for (const cell of row) {
    if (cell === undefined) continue
    if (cell.styles.length > 0) return styledCharsToString(row.filter((each): each is StyledChar => each !== undefined)).trimEnd()
    text += cell.value
  }
  return text.trimEnd()
}

/** The columns each of a line's characters takes, worked out once per line (Ink asks for each character each frame). */
const columnsOf = (chars: ReadonlyArray<StyledChar>, caches: Caches, known: WeakMap<ReadonlyArray<StyledChar>, ReadonlyArray<number>>) => {
  let columns = known.get(chars)
  if (columns === undefined) {
    columns = chars.map((character) => Math.max(1, caches.getStringWidth(character.value)))
    known.set(chars, columns)
  }
  return columns
}

const frameText = (inksGet: Get, styledCharsToString: StyledCharsToString): Get => {
  const known = new WeakMap<ReadonlyArray<StyledChar>, ReadonlyArray<number>>()
  return function (this: OutputInstance) {
    if (this.operations.some(clipsSideways)) return inksGet.call(this)
    const rows: Array<Array<StyledChar | undefined>> = Array.from({ length: this.height }, () => new Array<StyledChar>(this.width).fill(blank))
    const clips: Array<Clip> = []
    for (const operation of this.operations) {
      if (operation.type === "clip") clips.push(operation.clip)
      if (operation.type === "unclip") clips.pop()
      if (operation.type !== "write") continue
      let { y } = operation
      let lines = operation.text.split("\n")
      const clip = clips.at(-1)
      if (clip !== undefined && typeof clip.y1 === "number" && typeof clip.y2 === "number") {
        if (y + lines.length < clip.y1 || y > clip.y2) continue
        const from = y < clip.y1 ? clip.y1 - y : 0
        const to = y + lines.length > clip.y2 ? clip.y2 - y : lines.length
        lines = lines.slice(from, to)
        if (y < clip.y1) y = clip.y1
      }
      let offsetY = 0
      for (const [index, written] of lines.entries()) {
        const row = rows[y + offsetY]
        // As Ink: a line below the frame is dropped, and so is the rest of its text.
        if (row === undefined) continue
        let line = written
        for (const transformer of operation.transformers) line = transformer(line, index)
        let offsetX = operation.x
        const characters = this.caches.getStyledChars(line)
        const columns = columnsOf(characters, this.caches, known)
        characters.forEach((character, index) => {
          row[offsetX] = character
          const width = columns[index]!
          for (let cell = 1; cell < width; cell++) row[offsetX + cell] = { type: "char", value: "", fullWidth: false, styles: character.styles }
          offsetX += width
        })
        offsetY++
      }
    }
    return { output: rows.map((row) => rowText(row, styledCharsToString)).join("\n"), height: rows.length }
  }
}

let uninstall: (() => void) | undefined
let ink: Promise<readonly [OutputClass, StyledCharsToString]> | undefined

/**
 * Draws Ink's frames as above. Returns whether it does (false on an Ink this was not written for). Idempotent;
 * `uninstallFrameCaches` puts Ink's own back (for the test that compares the two).
 */
export const installFrameCaches = async (): Promise<boolean> => {
  if (uninstall !== undefined) return true
  if (inkVersion() !== patchedInkVersion) return false
  ink ??= Promise.all([inkOutput(), inkStyledCharsToString()])
  const [Output, styledCharsToString] = await ink
  if (uninstall !== undefined) return true
  const caches = Object.getPrototypeOf(new Output({ width: 0, height: 0 }).caches) as Caches
  const originalCaches = cacheMethods.map((name) => [name, caches[name]] as const)
  const originalGet = Output.prototype.get
  for (const [name, original] of originalCaches) Object.assign(caches, { [name]: sharedCache(original as (text: string) => unknown) })
  Output.prototype.get = frameText(originalGet, styledCharsToString)
  uninstall = () => {
    for (const [name, original] of originalCaches) Object.assign(caches, { [name]: original })
    Output.prototype.get = originalGet
    uninstall = undefined
  }
  return true
}

export const uninstallFrameCaches = (): void => uninstall?.()
