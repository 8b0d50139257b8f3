import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { nullAllowedFields } from '../validation/null-allowed';
import { firstPlainInputProblem, PlainInputNode } from './plain-input-walk';

/**
 * Checks body, query and path parameters as they arrived, before the
 * validation pipe turns them into DTOs (which would hide what is checked
 * here). The one place for rules that hold for every field of every route:
 * - every string and key is well-formed Unicode: a lone surrogate breaks
 *   encodeURIComponent in validators and is stored as U+FFFD, so what is
 *   stored would differ from what was accepted.
 * - a JSON null is a 400 "must not be null", at any depth, unless the DTO
 *   marks that body field `@NullAllowed()`. Our contract has no field where
 *   null means something, and `@IsOptional()` would take null for "absent"
 *   and hand it to the use case as a value (a 500 in the password hasher).
 * - a key that names an object internal (`__proto__`, `constructor`,
 *   `prototype`, `toString`…) is an unknown field, so 400 like any other:
 *   Nest strips the first three and class-transformer skips keys that meet
 *   an inherited method, so forbidNonWhitelisted would never see them.
 */
@Injectable()
export class PlainInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const rootPath = metadata.type === 'param' ? (metadata.data ?? 'param') : '';
    const nullable = metadata.type === 'body' ? nullAllowedFields(metadata.metatype) : new Set<string>();
    const problem = firstPlainInputProblem(
      value,
      rootPath,
      (node) => illFormedUnicode(node, metadata.type) ?? objectInternalKey(node) ?? unwantedNull(node, metadata.type, nullable),
    );
    if (problem !== undefined) throw new BadRequestException(problem);
    return value;
  }
}

function illFormedUnicode(node: PlainInputNode, root: string): string | undefined {
  if (node.key !== undefined && !node.key.isWellFormed()) return `${node.parentPath || root} has a key that is not well-formed Unicode`;
  if (typeof node.value === 'string' && !node.value.isWellFormed()) return `${node.path || root} must be well-formed Unicode (no lone surrogates)`;
  return undefined;
}

function objectInternalKey(node: PlainInputNode): string | undefined {
  if (node.key === undefined) return undefined;
  const internal = node.key === 'prototype' || Object.prototype.hasOwnProperty.call(Object.prototype, node.key);
  // Worded as class-validator words an unknown field.
  return internal ? `property ${node.path} should not exist` : undefined;
}

function unwantedNull(node: PlainInputNode, root: string, nullable: ReadonlySet<string>): string | undefined {
  if (node.value !== null) return undefined;
  const topLevelField = node.parentPath === '' && node.key !== undefined;
  if (topLevelField && nullable.has(node.key!)) return undefined;
  return `${node.path || root} must not be null`;
}
