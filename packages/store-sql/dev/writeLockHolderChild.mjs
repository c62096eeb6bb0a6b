// Another process on the same SQLite file: takes the write lock (BEGIN IMMEDIATE), says "locked", holds it for
// the given milliseconds, rolls back (it wrote nothing) and exits. Usage: node writeLockHolderChild.mjs <file> <ms>
import Database from "better-sqlite3"

const [file, ms] = process.argv.slice(2)
const db = new Database(file, { timeout: 30_000 })
db.exec("BEGIN IMMEDIATE")
process.stdout.write("locked\n")
setTimeout(() => {
  db.exec("ROLLBACK")
  db.close()
  process.exit(0)
}, Number(ms))
