export * from "./enums";
export * from "./feedback";
export * from "./common";
