export * from "./contacts";
export * from "./entities";
export * from "./notifications";
export * from "./tokens";
export * from "./users";
