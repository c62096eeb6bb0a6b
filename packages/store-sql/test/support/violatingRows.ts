import type { AuthorityId } from "@carepanel/core"

/**
 * A read-model row the database itself refuses (`CHECK (id <> '')`): the append has already inserted
 * the commit's events when this row's INSERT fails, so the test sees a real rollback.
 */
export const emptyIdRow = {
  name: "a read-model row with an empty id, refused by a CHECK constraint",
  row: (authorityId: AuthorityId) => ({ collection: "contract-rows", authorityId, id: "", index: {}, doc: {} })
}
