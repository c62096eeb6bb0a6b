import { randomUUID } from "node:crypto"
import { linkSync, mkdirSync, rmSync, writeFileSync } from "node:fs"
import { dirname } from "node:path"

/**
 * Creates `path` (mode 0600) with `content` unless it exists. Several processes may start on one empty data directory
 * at once (API replicas, the receiver, the TUI): each writes a file of its own and links it into place. The link is
 * atomic and fails if another process linked first, so the first one wins and nobody ever reads a half-written file.
 * Read the file afterwards to use whichever content won.
 */
export const createFileOnce = (path: string, content: string): void => {
  mkdirSync(dirname(path), { recursive: true })
  const draft = `${path}.${randomUUID()}.tmp`
  writeFileSync(draft, content, { mode: 0o600, flag: "wx" })
  try {
    linkSync(draft, path)
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== "EEXIST") throw cause
  } finally {
    rmSync(draft, { force: true })
  }
}
