import { namesOffenceLegalStatus } from "../childRecord/LegalStatus.js"
import { isComplexNeedsTemplateClock } from "../decision/complexNeedsReferral.js"
import type { Deadline } from "./Deadline.js"

/**
 * Whether a clock tells UK GDPR art. 9 or 10 data about the child: CPR-6's template task (it runs only where shared
 * funding with SEN or health fits; its explanation names which), or an explanation naming an offence legal status
 * (a looked-after review counted from "legal status J1: remanded ..."). Left out for a reader who may not see the
 * child's identity.
 */
export const clockTellsSpecialCategory = (deadline: Pick<Deadline, "id" | "explanation">): boolean =>
  isComplexNeedsTemplateClock(deadline) || namesOffenceLegalStatus(deadline.explanation)
