/**
 * Your stack: each inner array is one pull request, and they merge in this order. List hunk ids from
 * diff.md. As opened, the whole diff is one pull request.
 */
export const plan: string[][] = [
  // Refactor: the rename, with the existing test's fixture, so it builds and stays green (reviewed as mechanical).
  ['h4', 'h8', 'h10'],
  // Refactor: move the ledger; add, repoint, delete in one step so nothing imports a missing file.
  ['h3', 'h7', 'h12'],
  // Behaviour: rounding on its own, with its test; a reviewer now sees a one-line change and asks why.
  ['h9', 'h11'],
  // Behaviour: decideRefund with its tests.
  ['h5', 'h6'],
  // Behaviour: its caller, the endpoint, behind the flag, with its tests.
  ['h1', 'h2'],
];
