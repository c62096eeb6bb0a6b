export type {
  Arrival,
  MakeNotifierHarness,
  NotifierContractOptions,
  NotifierHarness,
  ReceiverAnswer,
  ReceiverProbe
} from "./NotifierContractOptions.js"
export { runNotifierContract } from "./runNotifierContract.js"
export { contractAuthorityId, contractChild, contractKinds, contractNotification, contractRecipients } from "./support/fixtures.js"
