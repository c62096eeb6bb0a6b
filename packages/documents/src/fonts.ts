import { createRequire } from "node:module"

const require = createRequire(import.meta.url)

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` package, embedded (subset) in every PDF: the document reads the same on
 * any machine, and it has the glyphs English records need (£, curly quotes, dashes, accented names).
 */
export const fontFiles = {
  regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")
} as const
