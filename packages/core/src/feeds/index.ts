export * from "./CalendarFeed.js"
export * from "./calendarFeedAggregate.js"
export * from "./CalendarFeeds.js"
export * from "./feedEvents.js"
