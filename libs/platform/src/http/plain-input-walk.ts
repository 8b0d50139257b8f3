/** One place in a plain (JSON-like) input: where it is, the key that leads to it, and its value. */
export interface PlainInputNode {
  /** Dotted path from the root (`userIds.1`); the root's own path is the one given to the walk. */
  path: string;
  /** The path of the object or array holding it ('' at the top). */
  parentPath: string;
  /** The key or index that leads to it; undefined for the root. */
  key?: string;
  value: unknown;
}

/**
 * Visits every node of a plain input value in document order and answers the
 * first problem `check` reports. Iterative, so a hostile depth cannot overflow it.
 */
export function firstPlainInputProblem(
  root: unknown,
  rootPath: string,
  check: (node: PlainInputNode) => string | undefined,
): string | undefined {
  const pending: PlainInputNode[] = [{ path: rootPath, parentPath: '', value: root }];
  while (pending.length > 0) {
    const node = pending.pop()!;
    const problem = check(node);
    if (problem !== undefined) return problem;
    if (typeof node.value !== 'object' || node.value === null) continue;
    // Own enumerable keys only: JSON.parse makes even "__proto__" an own key.
    const children = Object.keys(node.value).map((key) => ({
      path: node.path ? `${node.path}.${key}` : key,
      parentPath: node.path,
      key,
      value: (node.value as Record<string, unknown>)[key],
    }));
    pending.push(...children.reverse());
  }
  return undefined;
}
