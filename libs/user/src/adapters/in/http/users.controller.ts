import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated, AuthenticatedUser, CurrentUser, TokenAccount } from '@webchat/platform';
import { GetProfile } from '../../../application/get-profile.use-case';
import { SearchUsers } from '../../../application/search-users.use-case';
import { UpdateAccount } from '../../../application/update-account.use-case';
import { UserProfile } from '../../../domain/user';
import { SearchUsersQuery } from './dto/search-users.query';
import { UpdateAccountDto } from './dto/update-account.dto';
import { UserSearchResponse } from './dto/user-summary.response';
import { UserResponse } from './dto/user.response';

@ApiTags('users')
@ApiAuthenticated()
@Controller('users')
export class UsersController {
  constructor(
    private readonly getProfile: GetProfile,
    private readonly updateAccount: UpdateAccount,
    private readonly searchUsers: SearchUsers,
  ) {}

  @Get('search')
  @ApiOperation({ summary: 'Users whose username starts with q (any case), or whose email is q; never shows emails' })
  @ApiOkResponse({ type: UserSearchResponse })
  @ApiBadRequestResponse({ description: 'q missing or blank, limit outside 1-20, or an unknown parameter' })
  async search(@Query() query: SearchUsersQuery): Promise<UserSearchResponse> {
    return { items: await this.searchUsers.execute(query.q, query.limit) };
  }

  @Get('me')
  @ApiOperation({ summary: 'My account' })
  @ApiOkResponse({ type: UserResponse })
  me(@CurrentUser() user: AuthenticatedUser, @TokenAccount() account: unknown): UserResponse | Promise<UserResponse> {
    // The token check has just read this profile (UserStoreTokenSubjects): no second read of the same row.
    return isProfileOf(account, user.id) ? account : this.getProfile.execute(user.id);
  }

  @Patch('me')
  @ApiOperation({ summary: 'Change my username and/or password; a password change ends every other token of mine and disconnects their sockets' })
  @ApiOkResponse({ type: UserResponse })
  @ApiBadRequestResponse({ description: 'Invalid field, unknown field, or a password without currentPassword' })
  @ApiForbiddenResponse({ description: 'currentPassword is wrong' })
  update(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateAccountDto): Promise<UserResponse> {
    return this.updateAccount.execute({ userId: user.id, tokenId: user.tokenId, ...body });
  }
}

function isProfileOf(account: unknown, userId: string): account is UserProfile {
  const candidate = account as Partial<UserProfile> | undefined;
  return candidate?.id === userId && typeof candidate.email === 'string' && typeof candidate.username === 'string';
}
