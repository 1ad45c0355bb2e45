export * from "./common";
export * from "./enums";
export * from "./feedback";
export * from "./pipeline";
export * from "./quality";
