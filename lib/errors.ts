// Typed errors, turned into words in one place so that every screen says the same thing.
export type AppErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "invalid_input"
  | "conflict"
  | "link_invalid"
  | "internal";

export const errorMessages: Record<AppErrorCode, string> = {
  unauthenticated: "Your session has ended. Please sign in again.",
  forbidden: "You are not allowed to do this.",
  not_found: "This item does not exist or is not available to you.",
  invalid_input: "Some fields need your attention.",
  conflict: "Someone changed this at the same time. Reload and try again.",
  link_invalid: "This link is invalid, expired or already used.",
  internal: "Something went wrong on our side. Nothing was saved.",
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message?: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message ?? errorMessages[code]);
  }
}
