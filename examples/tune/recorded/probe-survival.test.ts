import { describe, expect, it } from 'vitest';
import { answerPresent, probeSurvival } from './probe-survival.ts';

describe('answerPresent', () => {
  it.each([
    ['My name is Michael.', ['michael'], true],
    ['I live in SEATTLE', ['Seattle'], true],
    ['any chance of corner dents', ['corner dent'], true],
    ['I am 35 years old', ['35', 'thirty five'], true],
    ['I am 35 years old', ['3'], false],
    ['order 1234', ['23'], false],
    ['it costs $49.99 a month', ['49.99', '$49.99'], true],
    ['Michaela called', ['Michael'], true],
    ['RaMichael', ['Michael'], false],
  ])('in %j, finds %j: %s', (text, answers, expected) => {
    expect(answerPresent(text, answers)).toBe(expected);
  });
});

describe('probeSurvival', () => {
  it('counts probes answered in view, and in view or behind a recall key', () => {
    const probes = [
      { question: 'Name?', answers: ['Michael'] },
      { question: 'City?', answers: ['Seattle'] },
      { question: 'Age?', answers: ['35'] },
    ];
    expect(probeSurvival(probes, 'Michael here', 'I live in Seattle')).toEqual({
      probes: 3,
      inView: 1,
      recoverable: 2,
    });
  });
});
