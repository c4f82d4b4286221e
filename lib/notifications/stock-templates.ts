import { layout, type Rendered } from "./layout";

// The stock alert (§5, §9): to each stock manager of a line that reached its alert level.
export type StockPayloads = {
  stock_alert: { resource: string; inStock: number; alertLevel: number; url: string };
};

const count = (n: number) => n.toLocaleString("en");

export const stockRenderers: { [T in keyof StockPayloads]: (p: StockPayloads[T]) => Rendered } = {
  stock_alert: (p) => ({
    subject: `[Stock alert] ${p.resource}: ${count(p.inStock)} left`,
    text: `The stock of "${p.resource}" has reached its alert level.\nIn stock: ${count(p.inStock)}\nAlert level: ${count(p.alertLevel)}\n\nSee the stock line: ${p.url}\n`,
    html: layout(
      `Stock alert: ${p.resource}`,
      [`The stock has reached its alert level.`, `In stock: ${count(p.inStock)}.`, `Alert level: ${count(p.alertLevel)}.`],
      { label: "See the stock line", url: p.url },
      "You receive this as a stock manager of this line, once each time it reaches its alert level.",
    ),
  }),
};
