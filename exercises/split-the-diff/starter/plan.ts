/**
 * Your stack: each inner array is one pull request, and they merge in this order. List hunk ids from
 * diff.md. As opened, the whole diff is one pull request.
 */
export const plan: string[][] = [['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7', 'h8', 'h9', 'h10', 'h11', 'h12']];
