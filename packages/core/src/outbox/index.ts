export * from "./backoff.js"
export * from "./DispatcherConfig.js"
export * from "./Dispatcher.js"
export * from "./deliverEntry.js"
