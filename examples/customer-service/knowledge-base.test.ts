import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_BASE, searchKnowledgeBase } from './knowledge-base.ts';
import { TICKET_CATEGORIES } from './tools.ts';

const articles = Object.values(KNOWLEDGE_BASE).flat();

describe('the knowledge base', () => {
  it('has four articles for each of the five categories, with unique ids', () => {
    for (const category of TICKET_CATEGORIES) expect(KNOWLEDGE_BASE[category]).toHaveLength(4);
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
  });

  it('has articles as long as short help-centre articles: 100 to 200 words', () => {
    for (const article of articles) {
      const words = article.content.split(/\s+/).length;
      expect({ id: article.id, sized: words >= 100 && words <= 200 }).toEqual({ id: article.id, sized: true });
    }
  });

  it('answers a search with every article of the category, whatever the query', () => {
    expect(searchKnowledgeBase('shipping', 'package never arrived')).toEqual({
      category: 'shipping',
      query: 'package never arrived',
      total: 4,
      articles: KNOWLEDGE_BASE.shipping,
    });
  });
});
