import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { firstPlainInputProblem, PlainInputNode } from './plain-input-walk';

/**
 * Checks body, query and path parameters as they arrived, before the
 * validation pipe turns them into DTOs (which would hide what is checked
 * here). The one place for rules that hold for every field of every route:
 * - every string and key is well-formed Unicode: a lone surrogate breaks
 *   encodeURIComponent in validators and is stored as U+FFFD, so what is
 *   stored would differ from what was accepted.
 */
@Injectable()
export class PlainInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const rootPath = metadata.type === 'param' ? (metadata.data ?? 'param') : '';
    const problem = firstPlainInputProblem(value, rootPath, (node) => illFormedUnicode(node, metadata.type));
    if (problem !== undefined) throw new BadRequestException(problem);
    return value;
  }
}

function illFormedUnicode(node: PlainInputNode, root: string): string | undefined {
  if (node.key !== undefined && !node.key.isWellFormed()) return `${node.parentPath || root} has a key that is not well-formed Unicode`;
  if (typeof node.value === 'string' && !node.value.isWellFormed()) return `${node.path || root} must be well-formed Unicode (no lone surrogates)`;
  return undefined;
}
