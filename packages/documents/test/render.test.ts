import { type DocumentModel, type PresetSlug, presetSlugs, textOf } from "@carepanel/core"
import { describe, expect, it } from "@effect/vitest"
import { Effect, TestContext } from "effect"
import { renderHtml } from "../src/renderHtml.js"
import { renderPdf } from "../src/renderPdf.js"
import { playedDocuments } from "./fixtures.js"
import { inOrder, pdfPages } from "./pdfText.js"

const draftOf = (document: DocumentModel): DocumentModel => ({ ...document, stage: "draft", watermark: "DRAFT - NOT FOR CIRCULATION" })

/** One played week per preset, shared by its tests. */
const played = new Map<PresetSlug, Promise<Effect.Effect.Success<ReturnType<typeof playedDocuments>>>>()
const documentsOf = (slug: PresetSlug) =>
  Effect.promise(() => {
    if (!played.has(slug)) played.set(slug, Effect.runPromise(playedDocuments(slug).pipe(Effect.provide(TestContext.TestContext))))
    return played.get(slug)!
  })

describe.each(presetSlugs)("documents of a played week at %s", (slug) => {
  it.effect("the minutes' PDF says, in order: attendance, quorum, each item's discussion, decision, actions, dissent, the record's clocks", () =>
    Effect.gen(function* () {
      const { minutes, week } = yield* documentsOf(slug)
      const pages = yield* Effect.promise(() => renderPdf(minutes).then(pdfPages))
      const text = pages.join(" ")
      const items = week.sitting.agenda.map((_, i) => `Item ${i + 1}, `)
      expect(
        inOrder(text, [
          minutes.title,
          "Attendance",
          "Martin Gorsley",
          "Lee Marston",
          "apologies",
          "found enough members present to proceed",
          items[0]!,
          "Alex Brook (child-a)",
          "Presentation and discussion",
          "Decision",
          "approved",
          "Actions",
          "Dissent",
          items[1]!,
          "Jamie Fenn (child-b)",
          "deferred",
          items[2]!,
          "Sky Holloway (child-c)",
          "The record's clocks"
        ])
      ).toBeUndefined()
      expect(text).not.toContain("DRAFT")
      expect(pages.every((page) => page.includes(`page ${pages.indexOf(page) + 1} of ${pages.length}`))).toBe(true)
      const draft = yield* Effect.promise(() => renderPdf(draftOf(minutes)).then(pdfPages))
      expect(draft.every((page) => page.includes("DRAFT - NOT FOR CIRCULATION"))).toBe(true)
    })
  )

  it.effect("the decision sheet's PDF and HTML carry the same text in the same order, fonts embedded", () =>
    Effect.gen(function* () {
      const { sheet } = yield* documentsOf(slug)
      const pdf = yield* Effect.promise(() => renderPdf(sheet))
      const text = (yield* Effect.promise(() => pdfPages(pdf))).join(" ")
      const headings = sheet.sections.map((section) => section.heading)
      expect(headings).toEqual(["The request", "Presentation and discussion", "Decision", "Signed and finalised", "Amendments", "Clocks and the rules behind them"])
      expect(inOrder(text, [sheet.title, "The request", "Alex Brook (child-a)", ...headings.slice(1, 5), "Not amended.", headings[5]!])).toBeUndefined()
      const html = renderHtml(sheet).replace(/<[^>]+>/g, " ").replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/\s+/g, " ")
      expect(inOrder(html, textOf(sheet).filter((line) => line.length > 0))).toBeUndefined()
      const raw = Buffer.from(pdf).toString("latin1")
      expect(raw).toContain("/FontFile2")
      expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times)/)
    })
  )
})

describe("accessible HTML", () => {
  it.effect("one h1, sections labelled by their headings, tables with captions and column headers, the watermark announced first", () =>
    Effect.gen(function* () {
      const { minutes } = yield* documentsOf("care-planning")
      const html = renderHtml(draftOf(minutes))
      expect(html.startsWith('<!doctype html>\n<html lang="en-GB">')).toBe(true)
      expect(html.match(/<h1>/g)).toHaveLength(1)
      expect(html.indexOf('role="note">DRAFT - NOT FOR CIRCULATION')).toBeLessThan(html.indexOf("<h1>"))
      const labelled = [...html.matchAll(/<section aria-labelledby="([^"]+)"><h[23] id="([^"]+)">/g)]
      expect(labelled.length).toBeGreaterThan(4)
      expect(labelled.every((match) => match[1] === match[2])).toBe(true)
      expect((html.match(/<table>/g) ?? []).length).toBe((html.match(/<table><caption>[^<]+<\/caption><thead><tr><th scope="col">/g) ?? []).length)
      expect(html).not.toMatch(/<script|https?:\/\//)
      expect(renderHtml({ ...minutes, title: "<b>A & B</b>" })).toContain("<h1>&lt;b&gt;A &amp; B&lt;/b&gt;</h1>")
    })
  )
})
