import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingHttpHeaders } from 'node:http';
import { AccessTokens } from './access-tokens';
import { AuthenticatedUser } from './authenticated-user';
import { bearerToken } from './bearer-token';
import { IS_PUBLIC } from './public.decorator';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(). It checks
 * the token with AccessTokens (the same check the socket gateway uses) and keeps the account
 * that check loaded on the request (@TokenAccount), so a handler need not read it again.
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<{ headers: IncomingHttpHeaders; user?: AuthenticatedUser; tokenAccount?: object }>();
    const { user, account } = await this.tokens.check(bearerToken(request.headers.authorization));
    request.user = user;
    request.tokenAccount = account;
    return true;
  }
}
