export * from "./audit";
export * from "./data-requests";
export * from "./mail";
export * from "./reports";
export * from "./settings";
export * from "./users";
