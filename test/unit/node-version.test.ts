import { describe, expect, it } from 'vitest';
import { nodeVersionProblem } from '../../bin/node-version.js';

describe('nodeVersionProblem', () => {
  it.each([
    ['20.20.2', "Cairn needs Node 22.12 or newer; this is 20.20.2. Install a newer Node (https://nodejs.org) and run it again."],
    ['22.11.0', "Cairn needs Node 22.12 or newer; this is 22.11.0. Install a newer Node (https://nodejs.org) and run it again."],
    ['18.0.0', "Cairn needs Node 22.12 or newer; this is 18.0.0. Install a newer Node (https://nodejs.org) and run it again."],
    ['22.12.0', undefined],
    ['22.13.1', undefined],
    ['24.21.0', undefined],
    ['26.0.0', undefined],
  ])('Node %s → %s', (version, expected) => {
    expect(nodeVersionProblem(version)).toBe(expected);
  });
});
