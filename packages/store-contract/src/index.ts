export { runContractWriter } from "./processes/runContractWriter.js"
export { runStoreContract } from "./runStoreContract.js"
export type {
  MakeStoreLayer,
  SharedStore,
  StoreContractOptions,
  StorePorts,
  WriterSpec
} from "./StoreContractOptions.js"
