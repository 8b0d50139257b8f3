import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiAuthenticated, AuthenticatedUser, CurrentUser, TokenAccount } from '@webchat/platform';
import { DeleteAccount } from '../../../application/delete-account.use-case';
import { GetProfile } from '../../../application/get-profile.use-case';
import { SearchUsers } from '../../../application/search-users.use-case';
import { UpdateAccount } from '../../../application/update-account.use-case';
import { UserProfile } from '../../../domain/user';
import { DeleteAccountDto } from './dto/delete-account.dto';
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
    private readonly deleteAccount: DeleteAccount,
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

  @Delete('me')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary:
      'Delete my account: memberships (owned channels pass on as on leave, direct channels go), contacts both ways, empty wallets and my reserved transfers go; my tokens end and my sockets close; past messages show "deleted user"; the email may sign up again',
  })
  @ApiNoContentResponse({ description: 'The account is gone' })
  @ApiBadRequestResponse({ description: 'password missing or invalid, or an unknown field' })
  @ApiForbiddenResponse({ description: 'password is wrong' })
  @ApiNotFoundResponse({ description: 'The account was deleted meanwhile (a concurrent deletion of it)' })
  @ApiConflictResponse({ description: 'My personal wallet holds money, I am ADMIN of a group wallet that holds money, or I am the last member of a channel whose group wallet does; nothing changed' })
  remove(@CurrentUser() user: AuthenticatedUser, @Body() body: DeleteAccountDto): Promise<void> {
    return this.deleteAccount.execute(user.id, body.password);
  }
}

function isProfileOf(account: unknown, userId: string): account is UserProfile {
  const candidate = account as Partial<UserProfile> | undefined;
  return candidate?.id === userId && typeof candidate.email === 'string' && typeof candidate.username === 'string';
}
