import { readFileSync } from "node:fs"

/** The blocks of a markdown page whose fence names a file (```ts src/main.ts), by that file's path. */
export const docFiles = (markdownPath: string): ReadonlyMap<string, string> => {
  const files = new Map<string, string>()
  for (const match of readFileSync(markdownPath, "utf8").matchAll(/^```\w+ (\S+)\n([\s\S]*?)^```$/gm)) {
    files.set(match[1]!, match[2]!)
  }
  return files
}
