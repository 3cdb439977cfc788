import type { CountTokens } from './estimate-tokens.ts';
import { safeCut } from './safe-cut.ts';

/** How much a too-small preview shrinks per attempt while it is still over budget. */
const SHRINK = 0.9;

/**
 * The start of `text` that fits in `maxTokens` together with a notice saying how to fetch the rest back by
 * `key`. The cut is estimated from the character share and then shrunk until the count agrees.
 */
export function previewResult(
  text: string,
  key: string,
  tokens: number,
  maxTokens: number,
  countTokens: CountTokens,
): string {
  const notice = (shown: number) =>
    `\n[Result cut to fit the context: showing ${shown} of ${text.length} characters (${tokens} tokens). ` +
    `The whole result is stored under key "${key}": call the recall tool with this key to read it.]`;
  const budget = maxTokens - countTokens(notice(text.length));
  let chars = budget > 0 ? Math.floor((text.length * budget) / tokens) : 0;
  while (chars > 0 && countTokens(text.slice(0, chars)) > budget) chars = Math.floor(chars * SHRINK);
  chars = safeCut(text, chars);
  return text.slice(0, chars) + notice(chars);
}
