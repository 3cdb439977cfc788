import type { Tool } from './define-tool.ts';
import { type CountTokens, estimateTokens } from './estimate-tokens.ts';

/** The tokens that these tools' definitions add to every request, as the API receives them. */
export function toolTokens(tools: readonly Tool[], countTokens: CountTokens = estimateTokens): number {
  return countTokens(JSON.stringify(tools.map((tool) => tool.definition)));
}
