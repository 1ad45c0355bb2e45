export * from "./audit";
export * from "./data-requests";
export * from "./reports";
export * from "./settings";
export * from "./users";
