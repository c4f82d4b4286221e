import { describe, expect, it } from "vitest";
import { likePattern, parseTableQuery } from "./params";

const sortable = ["label", "createdAt"] as const;

describe("table URL state", () => {
  it("reads page, size, sort and search", () => {
    expect(parseTableQuery({ page: "3", size: "50", sort: "createdAt.desc", q: " paris " }, sortable, { sort: "label" })).toEqual({
      page: 3,
      perPage: 50,
      sort: "createdAt",
      desc: true,
      q: "paris",
    });
  });

  it("falls back to defaults on anything odd", () => {
    expect(parseTableQuery({ page: "-4", size: "7", sort: "password.asc" }, sortable, { sort: "label" })).toEqual({
      page: 1,
      perPage: 20,
      sort: "label",
      desc: false,
      q: "",
    });
  });

  it("escapes LIKE wildcards", () => {
    expect(likePattern("50%_off\\")).toBe("%50\\%\\_off\\\\%");
  });
});
