import {
  classify,
  deskRules,
  formatReport,
  formatReportLine,
  prioritize,
  type ReportLine,
  teamFor,
} from '@cairn/simulator';
import { describe, expect, it } from 'vitest';
import { SUPPORT_SYSTEM_PROMPT, SUPPORT_SYSTEM_PROMPT_WITH_MEMORY } from './desk-prompt.ts';
import { generateTickets } from './generate-tickets.ts';
import { checkReport, groundTruth, TEAM_FOR } from './ground-truth.ts';
import { TICKET_TEMPLATES } from './ticket-templates.ts';

describe('groundTruth', () => {
  it('agrees with the rules the system prompt states, for every template and fill', () => {
    for (const system of [SUPPORT_SYSTEM_PROMPT, SUPPORT_SYSTEM_PROMPT_WITH_MEMORY]) {
      const rules = deskRules(system);
      const generated = [1, 2, 3].flatMap((seed) => generateTickets(200, seed));
      const truth = groundTruth(generated);
      generated.forEach(({ ticket }, i) => {
        // The simulator weighs the subject twice, as the rules say.
        const text = `${ticket.subject} ${ticket.subject} ${ticket.description}`;
        const expected = truth[i]!;
        expect({ id: ticket.id, category: classify(text, rules).name }).toEqual({
          id: ticket.id,
          category: expected.category,
        });
        expect({ id: ticket.id, priority: prioritize(text, rules).name }).toEqual({
          id: ticket.id,
          priority: expected.priority,
        });
        expect(teamFor(expected.category, rules)).toBe(expected.team);
      });
    }
  });

  it('uses every template, each category with at least two priorities', () => {
    const used = new Set(generateTickets(400).map((g) => g.template));
    expect(used.size).toBe(TICKET_TEMPLATES.length);
    for (const category of Object.keys(TEAM_FOR)) {
      const priorities = new Set(TICKET_TEMPLATES.filter((t) => t.category === category).map((t) => t.priority));
      expect(priorities.size).toBeGreaterThanOrEqual(2);
    }
  });

  it('marks every ticket resolved by the team of its category', () => {
    for (const line of groundTruth(generateTickets(20))) {
      expect(line.outcome).toBe('resolved');
      expect(line.team).toBe(TEAM_FOR[line.category as keyof typeof TEAM_FOR]);
    }
  });
});

describe('checkReport', () => {
  const truth = groundTruth(generateTickets(5));
  const report = formatReport(truth);

  it('accepts the report the simulator writes from the ground truth', () => {
    expect(checkReport(`The queue is empty. Here is my final report.\n\n${report}`, truth)).toEqual({
      correct: true,
      problems: [],
    });
  });

  const [first, second, , , fifth] = truth as [ReportLine, ReportLine, ReportLine, ReportLine, ReportLine];
  it.each([
    {
      case: 'a wrong priority',
      edit: (text: string) =>
        text.replace(
          `${second.id} | ${second.category} | ${second.priority}`,
          `${second.id} | ${second.category} | unknown`,
        ),
      problem: `${second.id}: priority is unknown, expected ${second.priority}`,
    },
    {
      case: 'a missing ticket',
      edit: (text: string) => text.replace(`${formatReportLine(fifth)}\n`, ''),
      problem: `${fifth.id}: missing from the report`,
    },
    {
      case: 'a ticket reported twice',
      edit: (text: string) =>
        text.replace(formatReportLine(first), `${formatReportLine(first)}\n${formatReportLine(first)}`),
      problem: `${first.id}: reported twice`,
    },
    {
      case: 'a ticket that is not in the queue',
      edit: (text: string) =>
        text.replace(
          formatReportLine(first),
          `${formatReportLine(first)}\nTKT-0099 | billing | low | billing-team | resolved`,
        ),
      problem: 'TKT-0099: not in the queue',
    },
    {
      case: 'totals that do not add up',
      edit: (text: string) => text.replace(/Totals by category: .*/, 'Totals by category: billing 5.'),
      problem: expect.stringMatching(/^totals by category are "billing 5", expected "/),
    },
  ])('finds $case', ({ edit, problem }) => {
    expect(checkReport(edit(report), truth)).toEqual({ correct: false, problems: [problem] });
  });

  it('finds no lines at all in a text that is not a report', () => {
    expect(checkReport('I could not finish.', truth).problems).toHaveLength(truth.length);
  });
});
