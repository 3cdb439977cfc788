import { isObject, parseJson } from './parse-json.ts';

/** The fields of a ticket the model reads from a `get_next_ticket` result. */
export interface TicketData {
  readonly id: string;
  readonly subject: string;
  readonly description: string;
  readonly customerName: string | undefined;
}

/** A knowledge-base article as the model reads it from a `search_knowledge_base` result. */
export interface Article {
  readonly id: string | undefined;
  readonly title: string;
  readonly content: string;
}

/**
 * Reads a ticket from a `get_next_ticket` result: a JSON object (or `{ ticket: {...} }`) with `id`,
 * `subject` (or `title`), `description` (or `body`) and the customer's name as `customer_name`,
 * `customer.name` or a string `customer`. Other fields, including any preset category or priority,
 * are ignored: the model decides those. `undefined` when the result holds no ticket.
 */
export function readTicket(text: string): TicketData | undefined {
  const json = parseJson(text);
  if (!isObject(json) || 'error' in json) return undefined;
  const t = isObject(json.ticket) ? json.ticket : json;
  const id = str(t.id) ?? str(t.ticket_id);
  if (!id) return undefined;
  const customer = t.customer;
  return {
    id,
    subject: str(t.subject) ?? str(t.title) ?? '',
    description: str(t.description) ?? str(t.body) ?? '',
    customerName: str(t.customer_name) ?? (isObject(customer) ? str(customer.name) : str(customer)),
  };
}

/** A `get_next_ticket` result saying the queue is empty: an error result, an `error` object or such words. */
export function isQueueEmpty(text: string, isError: boolean): boolean {
  if (isError) return true;
  const json = parseJson(text);
  if (isObject(json)) return 'error' in json;
  return json === undefined && /\b(?:queue is empty|no more tickets|no tickets)\b/i.test(text);
}

/**
 * Reads articles from a `search_knowledge_base` result: a JSON array, or an object holding one under
 * `articles`, `results` or `items`, of objects with `id`, `title` and `content` (or `body`, `text`,
 * `summary`). Plain text counts as one untitled article.
 */
export function readArticles(text: string): Article[] {
  const json = parseJson(text);
  const list = Array.isArray(json)
    ? json
    : isObject(json)
      ? [json.articles, json.results, json.items].find(Array.isArray)
      : undefined;
  if (!list) {
    const plain = text.trim();
    return plain ? [{ id: undefined, title: plain.split('\n')[0]!.slice(0, 80), content: plain }] : [];
  }
  return list.filter(isObject).map((a) => ({
    id: str(a.id),
    title: str(a.title) ?? 'Knowledge base article',
    content: str(a.content) ?? str(a.body) ?? str(a.text) ?? str(a.summary) ?? '',
  }));
}

function str(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
