import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated, AuthenticatedUser, CurrentUser } from '@webchat/platform';
import { ChangePushSettings } from '../../../application/change-push-settings.use-case';
import { ReadPushSettings } from '../../../application/read-push-settings.use-case';
import { ReadVapidPublicKey } from '../../../application/read-vapid-public-key.use-case';
import { SubscribeToPush } from '../../../application/subscribe-to-push.use-case';
import { UnsubscribeFromPush } from '../../../application/unsubscribe-from-push.use-case';
import { PushSettings } from '../../../domain/push-settings';
import { ChangePushSettingsDto } from './dto/change-push-settings.dto';
import { PushEndpointDto, PushSubscriptionDto } from './dto/push-subscription.dto';
import { PushSettingsResponse, PushSubscriptionResponse, VapidPublicKeyResponse } from './dto/push.responses';

/** Web Push of the signed-in user: the server's VAPID key, my browsers' subscriptions and my notification settings. */
@ApiTags('push')
@ApiAuthenticated()
@Controller('push')
export class PushController {
  constructor(
    private readonly vapidKey: ReadVapidPublicKey,
    private readonly subscribe: SubscribeToPush,
    private readonly unsubscribe: UnsubscribeFromPush,
    private readonly readSettings: ReadPushSettings,
    private readonly changeSettings: ChangePushSettings,
  ) {}

  @Get('vapid-public-key')
  @ApiOperation({ summary: "The server's VAPID public key, for pushManager.subscribe({applicationServerKey})" })
  @ApiOkResponse({ type: VapidPublicKeyResponse })
  publicKey(): VapidPublicKeyResponse {
    return { publicKey: this.vapidKey.execute() };
  }

  @Post('subscriptions')
  @ApiOperation({ summary: "Keep this browser's push subscription (PushSubscription.toJSON()); subscribing again replaces it" })
  @ApiCreatedResponse({ type: PushSubscriptionResponse })
  @ApiBadRequestResponse({ description: 'Not an https endpoint, a p256dh key that is not a 65-byte P-256 point, an auth secret that is not 16 bytes, or an unknown field' })
  async add(@CurrentUser() user: AuthenticatedUser, @Body() body: PushSubscriptionDto): Promise<PushSubscriptionResponse> {
    const saved = await this.subscribe.execute({ userId: user.id, endpoint: body.endpoint, p256dh: body.keys.p256dh, auth: body.keys.auth });
    return { endpoint: saved.endpoint, createdAt: saved.createdAt.toISOString() };
  }

  @Delete('subscriptions')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove one of my subscriptions by its endpoint' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ description: 'No subscription of mine has that endpoint' })
  remove(@CurrentUser() user: AuthenticatedUser, @Body() body: PushEndpointDto): Promise<void> {
    return this.unsubscribe.execute(user.id, body.endpoint);
  }

  @Get('settings')
  @ApiOperation({ summary: 'My notification settings and muted channels' })
  @ApiOkResponse({ type: PushSettingsResponse })
  settings(@CurrentUser() user: AuthenticatedUser): Promise<PushSettings> {
    return this.readSettings.execute(user.id);
  }

  @Put('settings')
  @ApiOperation({ summary: 'Allow or forbid message text in notifications of private and direct channels (forbidden by default)' })
  @ApiOkResponse({ type: PushSettingsResponse })
  change(@CurrentUser() user: AuthenticatedUser, @Body() body: ChangePushSettingsDto): Promise<PushSettings> {
    return this.changeSettings.execute(user.id, body.showPrivateText);
  }
}
