import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/** The account TokenSubjects loaded for this request's token check (opaque here: its own library knows its shape). */
export const TokenAccount = createParamDecorator(
  (_data: unknown, context: ExecutionContext): unknown => context.switchToHttp().getRequest().tokenAccount,
);
