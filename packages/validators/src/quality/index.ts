export * from "./checks";
export * from "./fairness";
