/**
 * Whether a parsed JSON value nests arrays and objects deeper than `maxDepth`
 * (a bare object or array is depth 1). Iterative on purpose: the value is
 * hostile input, and a recursive walk is exactly what it would overflow.
 */
export function jsonDepthExceeds(value: unknown, maxDepth: number): boolean {
  const pending: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 1 }];
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > maxDepth) return true;
    for (const child of Object.values(node)) {
      if (typeof child === 'object' && child !== null) pending.push({ node: child, depth: depth + 1 });
    }
  }
  return false;
}
