/** Values files quote bad values the way every other diagnostic does. */
export { quoteValue } from "../diagnostics/quote-value.js";
