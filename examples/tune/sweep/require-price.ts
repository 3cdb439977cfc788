import { DEFAULT_PRICES, type ModelPrice, PRICES_AS_OF, priceFor } from '@cairn/runtime';

/** The price of `model` in the runtime's price table; throws naming the models it knows. */
export function requirePrice(model: string): ModelPrice {
  const price = priceFor(model, DEFAULT_PRICES);
  if (price) return price;
  throw new TypeError(
    `no price is known for model "${model}" (prices as of ${PRICES_AS_OF}): use one of ` +
      `${Object.keys(DEFAULT_PRICES).join(', ')}`,
  );
}
