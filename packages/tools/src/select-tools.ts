import type { Tool } from './define-tool.ts';

/** How many tools {@link selectTools} returns at most; `always` tools count towards it but are never dropped. */
export const DEFAULT_MAX_TOOLS = 5;

/** BM25's term-frequency saturation and length normalisation, at their usual values. */
const K1 = 1.2;
const B = 0.75;

/** Words too common in requests and tool descriptions to say which tool fits. */
const STOP_WORDS = new Set(
  (
    'a an and are as at be by can do for from has have how i in is it its me my of on or our so ' +
    'that the their them this to was we what when which with you your'
  ).split(' '),
);

/** The options of {@link selectTools}. */
export interface SelectToolsOptions {
  /** @default DEFAULT_MAX_TOOLS */
  readonly max?: number;
  /** Names of tools to include whatever the request says, such as `recall`. */
  readonly always?: readonly string[];
}

/**
 * Picks the tools relevant to a request, ranked by BM25 over each tool's name, description and parameter
 * names, so that a large toolbox does not cost its full definitions on every request. Tools named in
 * `always` are included first; tools that share no word with the request are left out. The result keeps
 * the order of `tools`, so that the same selection makes the same prompt prefix and stays cacheable.
 */
export function selectTools<T extends Tool>(
  tools: readonly T[],
  query: string,
  { max = DEFAULT_MAX_TOOLS, always = [] }: SelectToolsOptions = {},
): T[] {
  const unknown = always.filter((name) => !tools.some((tool) => tool.name === name));
  if (unknown.length > 0) {
    const names = tools.map((tool) => tool.name).join(', ');
    throw new TypeError(`selectTools: "always" names ${unknown.join(', ')}, not among the tools (${names}).`);
  }
  const chosen = new Set(always);
  const scores = bm25(
    tools.map((tool) => words(searchText(tool))),
    words(query),
  );
  const ranked = tools
    .map((tool, index) => ({ name: tool.name, score: scores[index] ?? 0 }))
    .filter(({ name, score }) => score > 0 && !chosen.has(name))
    .sort((a, b) => b.score - a.score);
  for (const { name } of ranked) {
    if (chosen.size >= max) break;
    chosen.add(name);
  }
  return tools.filter((tool) => chosen.has(tool.name));
}

/** The text a tool is found by: its name, description and parameter names. */
function searchText({ name, definition }: Tool): string {
  const description = 'description' in definition ? definition.description : '';
  const parameters = 'input_schema' in definition ? Object.keys(definition.input_schema.properties ?? {}) : [];
  return [name, description, ...parameters].join(' ');
}

/** Lower-case words, with snake_case and camelCase split, stop words dropped and a plural `s` stripped. */
function words(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word))
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word));
}

/** The BM25 score of each document for the query. */
function bm25(documents: readonly string[][], query: readonly string[]): number[] {
  const averageLength = documents.reduce((sum, doc) => sum + doc.length, 0) / Math.max(documents.length, 1);
  const idf = (term: string) => {
    const containing = documents.filter((doc) => doc.includes(term)).length;
    return Math.log(1 + (documents.length - containing + 0.5) / (containing + 0.5));
  };
  const weights = new Map([...new Set(query)].map((term) => [term, idf(term)]));
  return documents.map((doc) => {
    let score = 0;
    for (const [term, weight] of weights) {
      const frequency = doc.filter((word) => word === term).length;
      if (frequency === 0) continue;
      const norm = K1 * (1 - B + (B * doc.length) / (averageLength || 1));
      score += (weight * frequency * (K1 + 1)) / (frequency + norm);
    }
    return score;
  });
}
