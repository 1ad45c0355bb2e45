export * from "./common";
export * from "./enums";
export * from "./feedback";
