export * from "./enums";
export * from "./feedback";
export * from "./pipeline";
export * from "./plans";
export * from "./reports";
export * from "./system";
export * from "./taxonomy";
export * from "./tenancy";
