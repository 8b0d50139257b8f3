import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated, AuthenticatedUser, CurrentUser } from '@webchat/platform';
import { CreateGroupWallet } from '../../../application/create-group-wallet.use-case';
import { ListChannelWallets } from '../../../application/list-channel-wallets.use-case';
import { CreateGroupWalletDto } from './dto/create-group-wallet.dto';
import { WalletResponse } from './dto/wallet.response';
import { ChannelIdParam } from './wallet-id-param';

@ApiTags('wallets')
@ApiAuthenticated()
@Controller('channels')
export class ChannelWalletsController {
  constructor(
    private readonly createGroupWallet: CreateGroupWallet,
    private readonly listChannelWallets: ListChannelWallets,
  ) {}

  @Post(':id/wallets')
  @ApiOperation({ summary: 'Create a group wallet of a channel I am a member of; I become its ADMIN' })
  @ApiCreatedResponse({ type: WalletResponse })
  @ApiBadRequestResponse({ description: 'Name not 1–100, description over 500, or password not 4–72 characters' })
  @ApiNotFoundResponse({ description: 'No such channel, or I am not a member' })
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @ChannelIdParam() channelId: string,
    @Body() body: CreateGroupWalletDto,
  ): Promise<WalletResponse> {
    return WalletResponse.of(await this.createGroupWallet.execute({ actorId: user.id, channelId, ...body }));
  }

  @Get(':id/wallets')
  @ApiOperation({ summary: 'Group wallets of a channel I am a member of, oldest first' })
  @ApiOkResponse({ type: [WalletResponse] })
  @ApiNotFoundResponse({ description: 'No such channel, or I am not a member' })
  async list(@CurrentUser() user: AuthenticatedUser, @ChannelIdParam() channelId: string): Promise<WalletResponse[]> {
    return (await this.listChannelWallets.execute(user.id, channelId)).map(WalletResponse.of);
  }
}
