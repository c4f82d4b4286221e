export * from "./campaigns";
export * from "./contacts";
export * from "./entities";
export * from "./notifications";
export * from "./orders";
export * from "./packages";
export * from "./tokens";
export * from "./users";
