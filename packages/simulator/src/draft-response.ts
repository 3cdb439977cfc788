import { bestPassages, passagesOf, terms } from './best-passage.ts';
import type { Article, TicketData } from './ticket-data.ts';

/** Articles a draft cites at most. */
export const CITED_ARTICLES = 2;

/**
 * A reply of a few sentences: a greeting by first name, the subject, the knowledge-base sentence that best
 * fits the ticket, and citations of the best-matching articles it read (title and id). Without visible
 * articles it cites nothing; without the ticket it cannot greet by name or restate the subject.
 */
export function draftResponse(id: string, ticket: TicketData | undefined, articles: readonly Article[]): string {
  const about = ticket ? `${ticket.subject} ${ticket.description}` : id;
  const cited = rankArticles(about, articles).slice(0, CITED_ARTICLES);
  const firstName = ticket?.customerName?.split(/\s+/)[0];
  const sentences = [
    `Hi ${firstName ?? 'there'},`,
    ticket?.subject
      ? `thank you for contacting us about "${ticket.subject}". I'm sorry for the trouble, and I have looked into it for you.`
      : 'thank you for contacting us. I have looked into your request.',
  ];
  const guidance = cited[0] && bestPassages(about, passagesOf(cited[0].content), 1)[0];
  if (guidance) sentences.push(guidance);
  if (cited.length > 0) {
    const refs = cited.map((a) => (a.id ? `"${a.title}" (${a.id})` : `"${a.title}"`)).join(' and ');
    sentences.push(`You can find the full steps in our help article${cited.length > 1 ? 's' : ''} ${refs}.`);
  }
  sentences.push(
    `Your reference is ${id}; just reply to this message if anything else comes up.`,
    'Best regards, Support',
  );
  return sentences.join(' ');
}

function rankArticles(about: string, articles: readonly Article[]): Article[] {
  const wanted = new Set(terms(about));
  const score = (a: Article): number => terms(`${a.title} ${a.content}`).filter((t) => wanted.has(t)).length;
  return articles
    .map((article, index) => ({ article, index, score: score(article) }))
    .sort((x, y) => y.score - x.score || x.index - y.index)
    .map((x) => x.article);
}
