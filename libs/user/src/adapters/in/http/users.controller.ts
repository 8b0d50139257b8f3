import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated, AuthenticatedUser, CurrentUser, TokenAccount } from '@webchat/platform';
import { GetProfile } from '../../../application/get-profile.use-case';
import { UpdateAccount } from '../../../application/update-account.use-case';
import { UserProfile } from '../../../domain/user';
import { UpdateAccountDto } from './dto/update-account.dto';
import { UserResponse } from './dto/user.response';

@ApiTags('users')
@ApiAuthenticated()
@Controller('users')
export class UsersController {
  constructor(
    private readonly getProfile: GetProfile,
    private readonly updateAccount: UpdateAccount,
  ) {}

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
